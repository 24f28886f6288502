import { useSpace } from '../../spaces/use-space.ts';
import { t } from './messages.ts';
import { plansBySpace } from './store.ts';
import { NO_SPACE_PLANS } from './views.ts';
import { planTitle, whenMine } from './when.ts';
import './plans.css';

/** On a place's screen: the next plan, if any, and the way to plans, moments and ideas. */
export default function PlansSection({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  if (!space || space === 'loading') return null;
  const view = plansBySpace.value[spaceId] ?? NO_SPACE_PLANS;
  const next = view.coming[0];
  return (
    <section aria-labelledby="plans-section-title" class="stack plans-section">
      <h2 id="plans-section-title">{t('plans.sectionTitle')}</h2>
      <p>{t('plans.sectionLead')}</p>
      <p class="muted">{next ? t('plans.sectionNext', { title: planTitle(next), when: whenMine(next.at) }) : t('plans.sectionNothing')}</p>
      <div class="plan-buttons">
        <a class="button primary" href={`/spaces/${spaceId}/plans`}>
          {t('plans.open')}
        </a>
        <a class="button secondary" href={`/spaces/${spaceId}/moments`}>
          {t('plans.openMoments')}
        </a>
      </div>
    </section>
  );
}
