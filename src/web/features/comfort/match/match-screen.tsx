import { useEffect, useState } from 'preact/hooks';
import { comfortItem, comfortItems } from '../../../../../content/comfort.ts';
import { formatDateTime } from '../../../platform/i18n/format.ts';
import { memberName } from '../../../spaces/names.ts';
import type { SpaceView } from '../../../spaces/types.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { comfortActions } from '../actions.ts';
import { t } from '../messages.ts';
import { comfortAnswers, comfortReady, comfortRuns, latestMatch, type RunView } from '../store.ts';
import { planHref, programHref } from '../pair.ts';
import { matchedInOrder, nextStartAt } from '../views.ts';
import '../comfort.css';

/**
 * Matching comfort maps in one shared place: choose the partner (in a place of three or more),
 * both agree, then each sees only the items both marked, "both yes" or "open to it".
 */
export default function ComfortMatchScreen({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  useEffect(() => {
    void comfortActions.refresh(spaceId).catch(() => undefined);
  }, [spaceId]);
  if (space === 'loading' || !comfortReady.value) {
    return (
      <div class="screen comfort-match">
        <ScreenTitle>{t('match.title')}</ScreenTitle>
        <p class="muted" role="status">
          {t('comfort.loading')}
        </p>
      </div>
    );
  }
  if (!space || space.kind !== 'shared') {
    return (
      <div class="screen comfort-match">
        <ScreenTitle>{t('match.title')}</ScreenTitle>
        <p>{t('match.notFound')}</p>
      </div>
    );
  }
  return <MatchBody space={space} />;
}

function MatchBody({ space }: { space: SpaceView }) {
  const others = space.members.filter((m) => !m.isMe && m.status === 'active');
  const runs = comfortRuns.value.get(space.id) ?? [];
  // Someone who asked to match comes first; a choice made here wins.
  const [chosen, setPartnerId] = useState<string | null>(null);
  const askedBy = runs.find((r) => r.step === 'invited' && others.some((m) => m.userId === r.partnerId))?.partnerId;
  const partnerId = chosen ?? askedBy ?? others[0]?.userId ?? '';
  const nameOf = (id: string) => {
    const m = space.members.find((x) => x.userId === id);
    return m ? memberName(m) : '';
  };
  const current = runs.find((r) => r.partnerId === partnerId);
  const hasMap = Object.keys(comfortAnswers.value.answers).length > 0;
  return (
    <div class="screen comfort-match">
      <ScreenTitle>{t('match.title')}</ScreenTitle>
      <p class="lead">{t('match.lead')}</p>
      <p class="notice notice-info">{t('match.limit')}</p>
      {others.length === 0 && <p>{t('match.noPartner')}</p>}
      {others.length > 1 && (
        <fieldset class="card stack">
          <legend>{t('match.partnerLegend')}</legend>
          {others.map((m) => (
            <div class="radio-row" key={m.userId}>
              <input id={`partner-${m.userId}`} type="radio" name="partner" checked={partnerId === m.userId} onChange={() => setPartnerId(m.userId)} />
              <label for={`partner-${m.userId}`}>{memberName(m)}</label>
            </div>
          ))}
        </fieldset>
      )}
      {partnerId && <PairPanel spaceId={space.id} partnerId={partnerId} name={nameOf(partnerId)} run={current} runs={runs} hasMap={hasMap} />}
      <p class="aside-link">
        <a href="/comfort">{t('match.toMap')}</a>
      </p>
      <p class="aside-link">
        <a href={`/spaces/${space.id}`}>{t('match.back')}</a>
      </p>
    </div>
  );
}

function PairPanel({ spaceId, partnerId, name, run, runs, hasMap }: { spaceId: string; partnerId: string; name: string; run: RunView | undefined; runs: RunView[]; hasMap: boolean }) {
  const match = latestMatch(spaceId, partnerId);
  const start = useFormSubmit({
    stays: true,
    action: async () => {
      await comfortActions.startMatch(spaceId, partnerId);
    },
  });
  const agree = useFormSubmit({
    stays: true,
    action: async () => {
      if (run) await comfortActions.joinMatch(spaceId, run.id);
    },
  });
  const decline = useFormSubmit({
    stays: true,
    action: async () => {
      if (run) await comfortActions.declineMatch(spaceId, run.id);
      announce(t('match.declined'));
    },
  });
  const open = run?.status === 'open';
  const wait = nextStartAt(runs, partnerId, Date.now());
  return (
    <section class="card stack" aria-labelledby="pair-title">
      <h2 id="pair-title">{name}</h2>
      {!hasMap && (
        <p>
          {t('match.mapFirst')} <a href="/comfort">{t('match.toMap')}</a>
        </p>
      )}
      <div role="status" class="stack">
        {run?.step === 'invited' && <p>{t('match.invited', { name })}</p>}
        {run?.step === 'waiting-partner' && <p>{t('match.waitingPartner', { name })}</p>}
        {open && (run.step === 'exchanging' || run.step === 'finishing') && <p>{t('match.exchanging', { name })}</p>}
        {run && run.status !== 'open' && run.status !== 'done' && <p class="muted">{t('match.closed')}</p>}
        {match && <p class="muted">{t('match.last', { name, when: formatDateTime(match.at) })}</p>}
      </div>
      {run?.step === 'invited' && (
        <div class="actions">
          <form onSubmit={agree.onSubmit} noValidate>
            <SubmitButton busy={agree.busy} busyLabel={t('match.agreeing')}>
              {t('match.agree')}
            </SubmitButton>
          </form>
          <form onSubmit={decline.onSubmit} noValidate>
            <SubmitButton busy={decline.busy} busyLabel={t('match.declined')} variant="secondary">
              {t('match.decline')}
            </SubmitButton>
          </form>
        </div>
      )}
      {!open && (
        <form onSubmit={start.onSubmit} noValidate class="stack">
          {wait !== null ? (
            <p class="muted">{t('match.waitUntil', { name, time: formatDateTime(wait) })}</p>
          ) : (
            <div class="actions">
              <SubmitButton busy={start.busy} busyLabel={t('match.starting')}>
                {t('match.start')}
              </SubmitButton>
            </div>
          )}
        </form>
      )}
      <FormError error={start.error ?? agree.error ?? decline.error} onRetry={start.error ? start.retry : agree.error ? agree.retry : decline.retry} />
      {match && (
        <section class="stack comfort-result" aria-labelledby="result-title">
          <h3 id="result-title">{t('match.resultTitle')}</h3>
          {Object.keys(match.items).length === 0 ? (
            <p>{t('match.none')}</p>
          ) : (
            <ul class="stack">
              {matchedInOrder(match, comfortItems()).map(({ id, outcome }) => (
                <li key={id} data-item={id}>
                  <span>{comfortItem(id)?.label ?? id}</span>
                  <span class="muted">{t(outcome === 'both-yes' ? 'match.bothYes' : 'match.open')}</span>
                </li>
              ))}
            </ul>
          )}
          {Object.keys(match.items).length > 0 && (
            <nav class="stack" aria-labelledby="next-title">
              <h3 id="next-title">{t('match.nextTitle')}</h3>
              <p>
                <a href={planHref(spaceId, partnerId)}>{t('match.toPlan')}</a>
              </p>
              <p>
                <a href={programHref(spaceId, partnerId)}>{t('match.toProgram')}</a>
              </p>
            </nav>
          )}
        </section>
      )}
    </section>
  );
}
