import { participantName } from './names.ts';
import { roundThanks } from './store.ts';
import { t } from './messages.ts';

/** "Sam said thank you", with their note: the close of reading together, kept with the answers. */
export function ThanksList({ roundId }: { roundId: string }) {
  const thanks = roundThanks.value.get(roundId) ?? [];
  if (thanks.length === 0) return null;
  return (
    <ul class="thanks-list" role="list" aria-label={t('close.thanksTitle')}>
      {thanks.map((x) => (
        <li key={x.userId} class="thanks">
          <p class="thanks-who">{x.isMe ? t('close.youThanked') : t('close.theyThanked', { name: participantName({ displayName: x.authorName }) })}</p>
          {x.note && <p class="note-text">{x.note}</p>}
        </li>
      ))}
    </ul>
  );
}
