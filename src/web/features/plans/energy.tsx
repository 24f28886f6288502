import { ENERGY_LEVELS } from '../../../shared/ideas.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useAction } from '../../ui/use-action.ts';
import { plansActions } from './actions.ts';
import type { EnergyDoc } from './kinds.ts';
import { t } from './messages.ts';
import type { MemberLite } from './views.ts';

/** One tap shares how much energy I have for plans these days (others here see it). */
export function EnergyChoice({ spaceId, energy, members, myId }: { spaceId: string; energy: readonly EnergyDoc[]; members: readonly MemberLite[]; myId: string }) {
  const { error, run } = useAction();
  const mine = energy.find((e) => e.from === myId);
  return (
    <section class="stack" aria-labelledby="energy-title">
      <h2 id="energy-title">{t('energy.title')}</h2>
      <p class="muted">{t('energy.lead')}</p>
      <div class="preset-buttons" role="group" aria-labelledby="energy-title">
        {[...ENERGY_LEVELS].reverse().map((level) => (
          <button key={level} type="button" class="button secondary" aria-pressed={mine?.level === level} onClick={() => run(() => plansActions.setEnergy(spaceId, level), t('energy.shared', { level: t(`energy.${level}`) }))}>
            {t(`energy.${level}`)}
          </button>
        ))}
      </div>
      <ul class="plain-list">
        {energy
          .filter((e) => e.from !== myId)
          .map((e) => {
            const who = members.find((m) => m.userId === e.from);
            return who ? <li key={e.from}>{t('energy.theirs', { name: who.name, level: t(`energy.${e.level}`) })}</li> : null;
          })}
      </ul>
      <FormError error={error} />
    </section>
  );
}
