import { Loading } from '../../../ui/loading.tsx';
import NotFound from '../../../ui/not-found.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { useSpace } from '../../../spaces/use-space.ts';
import { matchedIds } from '../plan/plan.ts';
import { t } from '../plan-messages.ts';
import { pairIn, planHref } from '../pair.ts';
import { comfortReady, latestMatch } from '../store.ts';
import { ProgramView } from './program-view.tsx';
import { touchProgramReady } from './store.ts';

/** The touch program of one pair in one shared place, using only what they matched. */
export default function ProgramScreen({ spaceId, partnerId }: { spaceId: string; partnerId: string }) {
  const space = useSpace(spaceId);
  // Both read on every render, so both engines start loading at once.
  const ready = [comfortReady.value, touchProgramReady.value].every(Boolean);
  if (space === 'loading' || (space && !ready)) return <Loading />;
  const pair = space ? pairIn(space, partnerId) : null;
  if (!pair) return <NotFound />;
  const match = latestMatch(spaceId, partnerId);
  return (
    <div class="screen">
      <ScreenTitle docTitle={t('touch.docTitle', { name: pair.partner.name })}>{t('touch.title')}</ScreenTitle>
      <ProgramView spaceId={spaceId} partner={pair.partner} placeName={pair.placeName} matched={match ? matchedIds(match) : null} />
      <p class="aside-link">
        <a href={planHref(spaceId, partnerId)}>{t('touch.back')}</a>
      </p>
    </div>
  );
}
