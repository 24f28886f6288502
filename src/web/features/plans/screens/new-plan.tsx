import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { getIdea } from '../../../../../content/ideas.ts';
import { spaceTitle } from '../../../spaces/names.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { Loading } from '../../../ui/loading.tsx';
import NotFound from '../../../ui/not-found.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { plansActions } from '../actions.ts';
import { t } from '../messages.ts';
import { fromLocalFields, localFields } from '../when.ts';
import '../plans.css';

/** Proposing a plan: an idea from the library (?idea=), or our own words, for a day and time. */
export default function NewPlan({ spaceId }: { spaceId: string }) {
  const { query, route } = useLocation();
  const space = useSpace(spaceId);
  const idea = query.idea ? getIdea(query.idea) : undefined;
  const tomorrow = localFields(Date.now() + 86_400_000);
  const [title, setTitle] = useState(query.title ?? '');
  const [day, setDay] = useState(tomorrow.day);
  const [time, setTime] = useState('19:00');
  const [minutes, setMinutes] = useState(String(idea?.minutes ?? 60));
  const [bring, setBring] = useState(idea?.bring ?? query.bring ?? '');
  const [problem, setProblem] = useState<'time' | 'title' | null>(null);
  const { formRef, onSubmit, busy, error } = useFormSubmit({
    check: () => {
      const at = fromLocalFields(day, time);
      const p = !idea && !title.trim() ? 'title' : !Number.isFinite(at) || at <= Date.now() ? 'time' : null;
      setProblem(p);
      return p === null;
    },
    action: async () => {
      const mins = Math.min(24 * 60, Math.max(5, Math.round(Number(minutes) || 60)));
      await plansActions.propose(spaceId, { ...(idea ? { idea: idea.id } : { title: title.trim() }), at: fromLocalFields(day, time), minutes: mins, ...(bring.trim() ? { bring } : {}) });
      route(`/spaces/${spaceId}/plans`);
    },
  });
  if (space === 'loading') return <Loading />;
  if (!space) return <NotFound />;
  return (
    <div class="screen plans">
      <ScreenTitle>{t('plans.newTitle')}</ScreenTitle>
      <p class="lead">{spaceTitle(space)}</p>
      <form ref={formRef} class="stack" onSubmit={onSubmit} noValidate>
        {idea ? (
          <div class="card stack">
            <h2>{t('plans.newIdea', { title: idea.title })}</h2>
            <p>{idea.text}</p>
          </div>
        ) : (
          <div class={`field${problem === 'title' ? ' field-invalid' : ''}`}>
            <label for="plan-title">{t('plans.titleField')}</label>
            <input id="plan-title" type="text" maxLength={80} value={title} aria-invalid={problem === 'title' ? 'true' : undefined} aria-describedby={problem === 'title' ? 'plan-title-error' : undefined} onInput={(e) => setTitle(e.currentTarget.value)} />
            {problem === 'title' && (
              <p id="plan-title-error" class="field-error">
                {t('plans.titleNeeded')}
              </p>
            )}
          </div>
        )}
        <div class="plan-time-fields">
          <div class="field">
            <label for="plan-day">{t('plans.date')}</label>
            <input id="plan-day" type="date" value={day} aria-invalid={problem === 'time' ? 'true' : undefined} onInput={(e) => setDay(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="plan-time">{t('plans.time')}</label>
            <input id="plan-time" type="time" value={time} aria-invalid={problem === 'time' ? 'true' : undefined} aria-describedby={problem === 'time' ? 'plan-time-error' : undefined} onInput={(e) => setTime(e.currentTarget.value)} />
          </div>
        </div>
        {problem === 'time' && (
          <p id="plan-time-error" class="field-error">
            {t('plans.pastTime')}
          </p>
        )}
        <div class="field">
          <label for="plan-minutes">{t('plans.duration')}</label>
          <input id="plan-minutes" type="number" inputMode="numeric" min={5} max={1440} step={5} value={minutes} onInput={(e) => setMinutes(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="plan-bring">{t('plans.bringField')}</label>
          <input id="plan-bring" type="text" maxLength={200} value={bring} onInput={(e) => setBring(e.currentTarget.value)} />
        </div>
        <SubmitButton busy={busy} busyLabel={t('plans.proposing')}>
          {t('plans.propose')}
        </SubmitButton>
        <FormError error={error} />
      </form>
    </div>
  );
}
