import { useAction } from '../../ui/use-action.ts';
import { FormError } from '../../ui/form-error.tsx';
import { downloadText } from './download.ts';
import type { RhythmDoc } from './kinds.ts';
import { t } from './messages.ts';
import type { PlanView } from './views.ts';
import { planTitle } from './when.ts';
import { getIdea } from '../../../../content/ideas.ts';

const ALARM_MINUTES = 30;

function description(idea: string | undefined, bring: string | undefined): string | undefined {
  const words = [idea ? getIdea(idea)?.text : undefined, bring ? t('plans.bring', { bring }) : undefined].filter(Boolean);
  return words.length ? words.join('\n\n') : undefined;
}

/** One tap: a calendar file made on this phone (ical-generator loads with the tap). */
export function PlanCalendarButton({ plan }: { plan: PlanView }) {
  const { busy, error, run } = useAction();
  const title = planTitle(plan);
  return (
    <div class="plan-calendar">
      <button
        type="button"
        class="button secondary"
        aria-disabled={busy ? 'true' : undefined}
        aria-describedby={`cal-hint-${plan.id}`}
        onClick={() =>
          run(async () => {
            const { planIcs, icsFileName } = await import('./ics.ts');
            const file = icsFileName(title);
            const desc = description(plan.idea, plan.bring);
            downloadText(
              file,
              planIcs({ uid: `${plan.id}@innermost`, title, ...(desc ? { description: desc } : {}), start: plan.at, minutes: plan.minutes, alarmMinutes: ALARM_MINUTES, alarmText: t('plans.alarm', { title }), sequence: plan.n - 1 }),
            );
          }, t('plans.calendarDone', { file: title }))
        }
      >
        {t('plans.calendar')}
      </button>
      <p id={`cal-hint-${plan.id}`} class="muted small">
        {t('plans.calendarHint')}
      </p>
      <FormError error={error} />
    </div>
  );
}

export function RhythmCalendarButton({ rhythm, title }: { rhythm: RhythmDoc; title: string }) {
  const { busy, error, run } = useAction();
  return (
    <>
      <button
        type="button"
        class="button secondary"
        aria-disabled={busy ? 'true' : undefined}
        onClick={() =>
          run(async () => {
            const { rhythmIcs, icsFileName } = await import('./ics.ts');
            downloadText(icsFileName(title), rhythmIcs(rhythm, { uid: `${rhythm.id}@innermost`, title, alarmMinutes: ALARM_MINUTES, alarmText: t('plans.alarm', { title }) }));
          }, t('plans.calendarDone', { file: title }))
        }
      >
        {t('rhythms.calendar')}
      </button>
      <FormError error={error} />
    </>
  );
}
