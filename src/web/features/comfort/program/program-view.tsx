import { TOUCH_PROGRAM, comfortItems } from '../../../../../content/comfort.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { useAction } from '../../../ui/use-action.ts';
import { ComfortWords } from '../plan/comfort-words.tsx';
import { t } from '../plan-messages.ts';
import { touchProgramActions } from './actions.ts';
import { CheckInForm } from './check-in-form.tsx';
import { pairPlace, sessionSuggestions } from './progress.ts';
import { pairKey, pairPrograms } from './store.ts';
import '../comfort-plan.css';

interface Props {
  spaceId: string;
  partner: { userId: string; name: string };
  /** The shared place's name, for the honest "who sees this" line. */
  placeName: string;
  /** Items this pair matched (null: no match yet). */
  matched: ReadonlySet<string> | null;
}

/** A low score on safety is a signal worth a kind word and a pointer to help (never a verdict). */
const LOW_SAFETY = 3;

/**
 * The touch program for one pair: the session they are at, its matched ideas, the four words, the
 * check-in, moving on when both are ready, stepping back, and pausing without losing the place.
 */
export function ProgramView({ spaceId, partner, placeName, matched }: Props) {
  const { busy, error, run } = useAction();
  const pair = pairPrograms.value.get(pairKey(spaceId, partner.userId)) ?? { mine: null, theirs: null, checkIns: [] };
  const place = pairPlace(TOUCH_PROGRAM, pair.mine, pair.theirs);
  const { session, index } = place;
  const total = TOUCH_PROGRAM.sessions.length;
  const name = partner.name;
  const paused = place.pausedBy !== null;
  const iPaused = place.pausedBy === 'me' || place.pausedBy === 'both';
  const iAmReady = place.readyNow === 'me' || place.readyNow === 'both';
  const partnerReady = place.readyNow === 'partner';
  const checkIns = pair.checkIns.filter((c) => c.session === session.id);
  const checkedIn = checkIns.some((c) => c.from !== partner.userId);
  const suggestions = matched ? sessionSuggestions(session, matched, comfortItems()) : [];
  const press = { 'aria-disabled': busy ? ('true' as const) : undefined };

  const setReady = (ready: boolean) =>
    run(() => touchProgramActions.setReady(spaceId, partner.userId, ready), ready ? (partnerReady ? t('touch.movedOn', { n: index + 2 }) : t('touch.readySaid', { name })) : t('touch.readyTakenBack'));

  return (
    <div class="stack touch-program">
      <p class="lead">{t('touch.with', { name })}</p>

      {paused && (
        <div class="notice notice-info stack" role="status">
          <p>{iPaused ? t('touch.pausedByMe') : t('touch.pausedByPartner', { name })}</p>
          {iPaused && (
            <button type="button" class="button primary" {...press} onClick={() => void run(() => touchProgramActions.setPaused(spaceId, partner.userId, false), t('touch.resumed'))}>
              {t('touch.resume')}
            </button>
          )}
        </div>
      )}

      <section aria-labelledby="touch-session-title" class="card stack touch-session">
        <p class="muted">{t('touch.sessionOf', { n: index + 1, total })}</p>
        <h2 id="touch-session-title">{session.title}</h2>
        <p>{session.intro}</p>
        <p class="muted">{t('touch.weeks', { count: session.weeks })}</p>
        <h3>{t('touch.stepsTitle')}</h3>
        <ol>
          {session.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
        <h3>{t('touch.leaveOutTitle')}</h3>
        <ul>
          {session.leaveOut.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        <h3>{t('touch.lowEnergyTitle')}</h3>
        <p>{session.lowEnergy}</p>
      </section>

      <section aria-labelledby="touch-ideas-title" class="stack touch-suggestions">
        <h2 id="touch-ideas-title">{t('touch.suggestionsTitle')}</h2>
        {!matched && <p>{t('touch.noMatch', { name })}</p>}
        {matched && suggestions.length === 0 && <p>{t('touch.noSuggestions')}</p>}
        {suggestions.length > 0 && (
          <>
            <p class="muted">{t('touch.suggestionsLead', { name })}</p>
            <ul class="plain-list stack" role="list">
              {suggestions.map((item) => (
                <li key={item.id} class="card stack">
                  <h3>{item.label}</h3>
                  <p>{item.line}</p>
                  {item.softer !== undefined && (
                    <p class="comfort-softer">
                      <strong>{t('comfortPlan.softer')}</strong> {item.softer}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <ComfortWords />

      {/* Who reads it, said before anyone writes (consent first). */}
      <p class="muted">{t('touch.whoSees', { place: placeName, name })}</p>
      {!paused && <CheckInForm key={session.id} spaceId={spaceId} partnerId={partner.userId} partnerName={name} session={session.id} />}

      {checkIns.length > 0 && (
        <section aria-labelledby="touch-check-ins-title" class="stack touch-check-ins">
          <h2 id="touch-check-ins-title">{t('touch.checkInsTitle')}</h2>
          <ul class="plain-list stack" role="list">
            {checkIns.map((c) => (
              <li key={c.id} class="card">
                <p>{t('touch.checkInLine', { name: c.from === partner.userId ? name : t('touch.me'), safe: c.safe, close: c.close })}</p>
                {c.change !== null && <p>{c.change}</p>}
              </li>
            ))}
          </ul>
          {checkIns.some((c) => c.safe <= LOW_SAFETY) && <p class="notice notice-info">{t('touch.lowSafety')}</p>}
        </section>
      )}

      <section aria-labelledby="touch-ready-title" class="card stack">
        <h2 id="touch-ready-title">{t('touch.readyTitle')}</h2>
        {place.last ? (
          <p>{t('touch.last')}</p>
        ) : (
          <>
            <p>{t('touch.readyLead')}</p>
            {partnerReady && <p>{t('touch.partnerReady', { name })}</p>}
            {iAmReady && <p>{t('touch.readySaid', { name })}</p>}
            {!paused && !iAmReady && !checkedIn && <p class="muted">{t('touch.readyAfterCheckIn')}</p>}
          </>
        )}
        <FormError error={error} />
        <div class="actions">
          {!paused && !place.last && !iAmReady && checkedIn && (
            <button type="button" class="button primary" {...press} onClick={() => void setReady(true)}>
              {t('touch.ready')}
            </button>
          )}
          {!paused && iAmReady && (
            <button type="button" class="button secondary" {...press} onClick={() => void setReady(false)}>
              {t('touch.notReadyYet')}
            </button>
          )}
          {index > 0 && (
            <button type="button" class="button secondary" {...press} onClick={() => void run(() => touchProgramActions.stepBack(spaceId, partner.userId), t('touch.steppedBack', { n: index }))}>
              {t('touch.stepBack')}
            </button>
          )}
          {!iPaused && (
            <button type="button" class="button quiet" {...press} onClick={() => void run(() => touchProgramActions.setPaused(spaceId, partner.userId, true), t('touch.paused'))}>
              {t('touch.pause')}
            </button>
          )}
        </div>
        {!iPaused && <p class="muted">{t('touch.pauseLead')}</p>}
      </section>

      <section aria-labelledby="touch-how-title" class="stack">
        <h2 id="touch-how-title">{t('touch.introTitle')}</h2>
        {TOUCH_PROGRAM.intro.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        <h3>{t('touch.paceTitle')}</h3>
        <p>{TOUCH_PROGRAM.pace}</p>
        <h3>{t('touch.careTeamTitle')}</h3>
        <p>{TOUCH_PROGRAM.careTeam}</p>
      </section>
    </div>
  );
}
