import { personalSpaceId, shareableSpaces } from '../../../spaces/my-spaces.ts';
import { spaceTitle } from '../../../spaces/names.ts';
import { spaces } from '../../../spaces/store.ts';
import type { SpaceView } from '../../../spaces/types.ts';
import { t } from '../messages.ts';
import { DaySummary } from './day-summary.tsx';
import { whenTrue } from '../../../platform/signal-true.ts';
import { dailyReady } from './store.ts';
import { answersAlone, useDay } from './use-day.ts';
import './daily.css';

/** Today shows this card once the day's rounds and answers are read (platform/feature.ts). */
export const ready = () => whenTrue(dailyReady);

/** Today's question, one calm card per space I am in (shared spaces first, then just for me). */
export default function DailyToday() {
  if (!dailyReady.value) return null;
  const personal = spaces.value.find((s) => s.id === personalSpaceId());
  const shared = shareableSpaces(spaces.value);
  const list = [...shared, ...(personal ? [personal] : [])];
  return (
    <>
      {list.map((space) => (
        // With a partner's question on Today, my own is a line and a link: one form at a time.
        <DailyCard key={space.id} space={space} brief={space.kind === 'personal' && shared.length > 0} />
      ))}
    </>
  );
}

function DailyCard({ space, brief }: { space: SpaceView; brief: boolean }) {
  const state = useDay(space.id);
  if (!state) return null;
  const titleId = `daily-${space.id}`;
  return (
    <section aria-labelledby={titleId} class="card stack daily-card">
      <h2 id={titleId}>
        {t('daily.title')}{' '}
        <span class="daily-where">{space.kind === 'personal' ? t('daily.justYou') : t('daily.inSpace', { space: spaceTitle(space) })}</span>
      </h2>
      <DaySummary spaceId={space.id} state={state} alone={answersAlone(space)} brief={brief} />
    </section>
  );
}
