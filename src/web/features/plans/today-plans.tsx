import { shareableSpaces } from '../../spaces/my-spaces.ts';
import { spaceTitle } from '../../spaces/names.ts';
import { AfterCard } from './after-card.tsx';
import { t } from './messages.ts';
import { whenTrue } from '../../platform/signal-true.ts';
import { plansBySpace, plansReady } from './store.ts';
import type { PlanView } from './views.ts';
import { planTitle, whenMine } from './when.ts';
import './plans.css';

/** How far ahead Today looks: the week to come. Further plans wait on the place's plans screen. */
const AHEAD_MS = 7 * 86_400_000;
/** At most this many lines: a glance, not a list of things to do. */
const MOST = 3;

/** Today shows this part once the plans are read (platform/feature.ts). */
export const ready = () => whenTrue(plansReady);

/**
 * Today, below everything else: the plans of the week to come in my shared places (the soonest
 * few, each a way to its plans screen, with a quiet word where my answer is still open), and the
 * one most recent "How was it?" per place. Nothing when nothing is planned: no empty card.
 */
export default function TodayPlans() {
  const places = shareableSpaces();
  const now = Date.now();
  const byPlace = plansBySpace.value;
  const coming = places
    .flatMap((space) => (byPlace[space.id]?.coming ?? []).filter((plan) => plan.at - now < AHEAD_MS).map((plan) => ({ space, plan })))
    .sort((a, b) => a.plan.at - b.plan.at || a.plan.id.localeCompare(b.plan.id))
    .slice(0, MOST);
  const after = places.flatMap((space) => (byPlace[space.id]?.howWasIt ?? []).slice(0, 1).map((plan) => ({ space, plan })));
  const line = (plan: PlanView, place: string | null) =>
    place ? t('plans.todayLineIn', { title: planTitle(plan), when: whenMine(plan.at), place }) : t('plans.todayLine', { title: planTitle(plan), when: whenMine(plan.at) });
  return (
    <>
      {coming.length > 0 && (
        <section class="card stack today-plans" aria-labelledby="today-plans-title">
          <h2 id="today-plans-title">{t('plans.coming')}</h2>
          <ul class="plain-list" role="list">
            {coming.map(({ space, plan }) => (
              <li key={plan.id} class="gentle-line">
                <a href={`/spaces/${space.id}/plans`}>{line(plan, places.length > 1 ? spaceTitle(space) : null)}</a>
                {plan.mine === null && <span class="muted"> {t('plans.todayOpen')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {after.map(({ space, plan }) => (
        <AfterCard key={plan.id} plan={plan} spaceId={space.id} shared />
      ))}
    </>
  );
}
