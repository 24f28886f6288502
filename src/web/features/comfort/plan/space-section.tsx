import { useSpace } from '../../../spaces/use-space.ts';
import { t } from '../plan-messages.ts';
import { pairIn, planHref, programHref } from '../pair.ts';
import { pairKey, pairPrograms } from '../program/store.ts';
import { comfortReady, latestMatch } from '../store.ts';

/**
 * On a shared place's screen: the way to the plan and the touch program with each partner I have
 * matched with (or started the program with) here. Nothing shows before a match, so the place's
 * screen stays calm for people who have not used the comfort map.
 */
export default function PlanSection({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  const programs = pairPrograms.value;
  if (!space || space === 'loading' || !comfortReady.value) return null;
  const pairs = space.members
    .filter((m) => !m.isMe && m.status === 'active')
    .flatMap((m) => pairIn(space, m.userId) ?? [])
    .filter((p) => latestMatch(spaceId, p.partner.userId) || programs.has(pairKey(spaceId, p.partner.userId)));
  if (pairs.length === 0) return null;
  return (
    <section aria-labelledby="comfort-plans-title" class="stack">
      <h2 id="comfort-plans-title">{t('together.sectionTitle')}</h2>
      <ul class="plain-list stack" role="list">
        {pairs.map((p) => (
          <li key={p.partner.userId} class="stack">
            <a href={planHref(spaceId, p.partner.userId)}>{t('together.plan', { name: p.partner.name })}</a>
            <a href={programHref(spaceId, p.partner.userId)}>{t('together.program', { name: p.partner.name })}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
