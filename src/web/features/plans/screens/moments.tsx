import { useState } from 'preact/hooks';
import { formatDate } from '../../../platform/i18n/format.ts';
import { memberName, spaceTitle } from '../../../spaces/names.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { Loading } from '../../../ui/loading.tsx';
import NotFound from '../../../ui/not-found.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { useAction } from '../../../ui/use-action.ts';
import { keyring } from '../../../vault/keyring.ts';
import { plansActions } from '../actions.ts';
import { t } from '../messages.ts';
import { plansBySpace, plansReady } from '../store.ts';
import { NO_SPACE_PLANS } from '../views.ts';
import { fromLocalFields, localFields } from '../when.ts';
import '../plans.css';

function AddMoment({ spaceId }: { spaceId: string }) {
  const [text, setText] = useState('');
  const [step, setStep] = useState(false);
  const [day, setDay] = useState(localFields(Date.now()).day);
  const { busy, error, run } = useAction();
  return (
    <form
      class="card stack"
      aria-labelledby="moment-add-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        const picked = fromLocalFields(day, '12:00');
        // Today's moment keeps its time; another day's sits at its noon.
        const at = day === localFields(Date.now()).day || !Number.isFinite(picked) ? Date.now() : picked;
        void run(async () => {
          await plansActions.addMoment(spaceId, { text: text.trim(), step, at });
          setText('');
          setStep(false);
        }, t('moments.saved'));
      }}
    >
      <h2 id="moment-add-title">{t('moments.add')}</h2>
      <div class="field">
        <label for="moment-text">{t('moments.text')}</label>
        <p id="moment-text-hint" class="field-hint">
          {t('moments.textHint')}
        </p>
        <textarea id="moment-text" rows={3} maxLength={500} required aria-describedby="moment-text-hint" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="moment-day">{t('moments.when')}</label>
        <input id="moment-day" type="date" value={day} max={localFields(Date.now()).day} onInput={(e) => setDay(e.currentTarget.value)} />
      </div>
      <label class="check">
        <input type="checkbox" checked={step} onChange={(e) => setStep(e.currentTarget.checked)} />
        {t('moments.step')}
      </label>
      <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
        {busy ? t('moments.saving') : t('moments.save')}
      </button>
      <FormError error={error} />
    </form>
  );
}

/** The place's log of moments: a calm timeline, newest first, small steps marked. No counts. */
export default function MomentsScreen({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  const { error, run } = useAction();
  if (space === 'loading' || !plansReady.value) return <Loading />;
  if (!space) return <NotFound />;
  const view = plansBySpace.value[spaceId] ?? NO_SPACE_PLANS;
  const myId = keyring()?.userId;
  const nameOf = (userId: string) => {
    const m = space.members.find((x) => x.userId === userId);
    return m?.isMe ? t('plans.you') : m ? memberName(m) : '';
  };
  return (
    <div class="screen plans">
      <ScreenTitle>{t('moments.title', { place: spaceTitle(space) })}</ScreenTitle>
      <p class="lead">{t('moments.lead')}</p>
      <AddMoment spaceId={spaceId} />
      {view.moments.length === 0 ? (
        <p class="muted">{t('moments.none')}</p>
      ) : (
        <ol class="plain-list moment-timeline">
          {view.moments.map((m) => (
            <li key={m.id} class={`moment${m.step ? ' moment-step' : ''}`}>
              <p class="muted small">
                <time dateTime={new Date(m.at).toISOString()}>{formatDate(m.at)}</time>
                {m.step && <span class="moment-badge"> · {t('moments.stepBadge')}</span>}
              </p>
              <p class="moment-text">{m.text}</p>
              {m.feeling && <p class="muted small">{t('moments.feeling', { feeling: t(`feeling.${m.feeling}`) })}</p>}
              {space.kind === 'shared' && <p class="muted small">{t('moments.by', { name: nameOf(m.from) })}</p>}
              {m.from === myId && (
                <button type="button" class="button quiet small" onClick={() => run(() => plansActions.removeMoment(spaceId, m.id), t('moments.removed'))}>
                  {t('moments.remove')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      <FormError error={error} />
    </div>
  );
}
