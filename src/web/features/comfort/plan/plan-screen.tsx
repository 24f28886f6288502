import { Loading } from '../../../ui/loading.tsx';
import NotFound from '../../../ui/not-found.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { useSpace } from '../../../spaces/use-space.ts';
import { t } from '../plan-messages.ts';
import { pairIn, programHref } from '../pair.ts';
import { comfortReady, latestMatch } from '../store.ts';
import { PlanView } from './plan-view.tsx';

/** The gentle plan from my latest match with one partner in one shared place. */
export default function PlanScreen({ spaceId, partnerId }: { spaceId: string; partnerId: string }) {
  const space = useSpace(spaceId);
  if (space === 'loading' || (space && !comfortReady.value)) return <Loading />;
  const pair = space ? pairIn(space, partnerId) : null;
  if (!pair) return <NotFound />;
  const match = latestMatch(spaceId, partnerId);
  return (
    <div class="screen">
      <ScreenTitle docTitle={t('comfortPlan.docTitle', { name: pair.partner.name })}>{t('comfortPlan.title')}</ScreenTitle>
      <PlanView name={pair.partner.name} match={match} programHref={programHref(spaceId, partnerId)} mapHref="/comfort" />
    </div>
  );
}
