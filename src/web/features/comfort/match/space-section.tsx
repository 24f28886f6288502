import { useSpace } from '../../../spaces/use-space.ts';
import { t } from '../messages.ts';
import { comfortRuns } from '../store.ts';
import { memberName } from '../../../spaces/names.ts';

/** On a shared place's screen: a calm way in to matching, and a line when someone asks to match. */
export default function ComfortSection({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  if (!space || space === 'loading' || space.kind !== 'shared') return null;
  if (!space.members.some((m) => !m.isMe && m.status === 'active')) return null;
  const asking = (comfortRuns.value.get(spaceId) ?? []).filter((r) => r.step === 'invited');
  return (
    <section aria-labelledby="comfort-space-title" class="stack">
      <h2 id="comfort-space-title">{t('match.sectionTitle')}</h2>
      <p>{t('match.sectionLead')}</p>
      {asking.map((r) => {
        const m = space.members.find((x) => x.userId === r.partnerId);
        return <p key={r.id}>{t('match.invited', { name: m ? memberName(m) : '' })}</p>;
      })}
      <p>
        <a href={`/spaces/${spaceId}/comfort`}>{t('match.sectionLink')}</a>
      </p>
    </section>
  );
}
