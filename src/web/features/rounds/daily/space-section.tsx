import { useSpace } from '../../../spaces/use-space.ts';
import { t } from '../messages.ts';
import { DaySummary } from './day-summary.tsx';
import { DepthChoice } from './depth-choice.tsx';
import { dailyReady } from './store.ts';
import { answersAlone, useDay } from './use-day.ts';
import './daily.css';

/** The space's question for today, and how deep its questions go (any member may change it). */
export default function DailySection({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  const state = useDay(spaceId);
  if (!space || space === 'loading' || !dailyReady.value) return null;
  return (
    <section aria-labelledby="daily-title" class="stack daily-section">
      <h2 id="daily-title">{t('daily.title')}</h2>
      <p>{t('daily.sectionLead')}</p>
      {state ? <div class="card stack">{<DaySummary spaceId={spaceId} state={state} alone={answersAlone(space)} />}</div> : <p class="muted">{t('daily.none')}</p>}
      <details class="daily-depth">
        <summary>{t('daily.depthLegend')}</summary>
        <DepthChoice spaceId={spaceId} alone={answersAlone(space)} />
      </details>
    </section>
  );
}
