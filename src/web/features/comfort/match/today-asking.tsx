import { signal } from '@preact/signals';
import { shareableSpaces } from '../../../spaces/my-spaces.ts';
import { memberName } from '../../../spaces/names.ts';
import { t } from '../messages.ts';
import { askingMe, type Asking } from './asking.ts';

/** What the server said when Today last showed (Today asks each time, before the card shows). */
const asking = signal<Asking[]>([]);

/** Today shows this part once the requests are read (platform/feature.ts); a slow answer still lands. */
export async function ready(): Promise<void> {
  asking.value = await askingMe();
}

/**
 * Today: a calm line when someone asked me to match comfort maps, one per person, with a way in.
 * No count, no badge, no reminder: the answer can wait, and "not now" is always fine.
 */
export default function TodayComfortAsking() {
  const lines = asking.value.flatMap((a) => {
    const member = shareableSpaces()
      .find((s) => s.id === a.spaceId)
      ?.members.find((m) => m.userId === a.partnerId && m.status === 'active');
    return member ? [{ ...a, name: memberName(member) }] : [];
  });
  if (lines.length === 0) return null;
  return (
    <section class="card stack" aria-labelledby="comfort-asking-title">
      <h2 id="comfort-asking-title">{t('today.askingTitle')}</h2>
      {lines.map((a) => (
        <p key={a.runId}>
          {t('today.asking', { name: a.name })}{' '}
          <a href={`/spaces/${a.spaceId}/comfort`}>{t('today.askingLink', { name: a.name })}</a>
        </p>
      ))}
    </section>
  );
}
