import { useSpace } from '../../../spaces/use-space.ts';
import { memberName, spaceTitle } from '../../../spaces/names.ts';
import { Loading } from '../../../ui/loading.tsx';
import NotFound from '../../../ui/not-found.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { keyring } from '../../../vault/keyring.ts';
import { AfterCard } from '../after-card.tsx';
import { EnergyChoice } from '../energy.tsx';
import { t } from '../messages.ts';
import { PlanCard } from '../plan-card.tsx';
import { AddRhythm, RhythmCard } from '../rhythms.tsx';
import { plansBySpace, plansReady } from '../store.ts';
import { sharedEnergy } from '../suggest.ts';
import { NO_SPACE_PLANS } from '../views.ts';
import '../plans.css';

/** A place's plans: "How was it?" first, then what is coming, then our rhythms with their next times. */
export default function PlansScreen({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  if (space === 'loading' || !plansReady.value) return <Loading />;
  if (!space) return <NotFound />;
  const view = plansBySpace.value[spaceId] ?? NO_SPACE_PLANS;
  const shared = space.kind === 'shared';
  const myId = keyring()?.userId ?? '';
  const now = Date.now();
  const energy = shared ? sharedEnergy(view.energy, now) : null;
  const members = space.members.filter((m) => m.status === 'active').map((m) => ({ userId: m.userId, name: memberName(m), isMe: m.isMe }));
  return (
    <div class="screen plans">
      <ScreenTitle>{t('plans.title', { place: spaceTitle(space) })}</ScreenTitle>
      <p class="lead">{t('plans.lead')}</p>
      <p class="muted small">{t('plans.private')}</p>
      <nav class="plan-buttons" aria-label={t('plans.sectionTitle')}>
        <a class="button secondary" href={`/spaces/${spaceId}/ideas`}>
          {t('plans.openIdeas')}
        </a>
        <a class="button secondary" href={`/spaces/${spaceId}/moments`}>
          {t('plans.openMoments')}
        </a>
      </nav>

      {view.howWasIt.map((plan) => (
        <AfterCard key={plan.id} plan={plan} spaceId={spaceId} shared={shared} />
      ))}

      <section class="stack" aria-labelledby="coming-title">
        <h2 id="coming-title">{t('plans.coming')}</h2>
        {view.coming.length === 0 ? (
          <p class="muted">{t('plans.noneComing')}</p>
        ) : (
          <ul class="plain-list stack">
            {view.coming.map((plan) => (
              <PlanCard key={plan.id} plan={plan} spaceId={spaceId} shared={shared} />
            ))}
          </ul>
        )}
        <a class="button secondary" href={`/spaces/${spaceId}/plans/new`}>
          {t('plans.proposeOwn')}
        </a>
      </section>

      <section class="stack" aria-labelledby="rhythms-title">
        <h2 id="rhythms-title">{t('rhythms.title')}</h2>
        <p class="muted">{t('rhythms.lead')}</p>
        {view.rhythms.length === 0 ? (
          <p class="muted">{t('rhythms.none')}</p>
        ) : (
          <ul class="plain-list stack">
            {view.rhythms.map((r) => (
              <RhythmCard key={r.id} rhythm={r} spaceId={spaceId} plans={view.coming} energy={energy} now={now} />
            ))}
          </ul>
        )}
        <AddRhythm spaceId={spaceId} />
      </section>

      {shared && <EnergyChoice spaceId={spaceId} energy={view.energy} members={members} myId={myId} />}
    </div>
  );
}
