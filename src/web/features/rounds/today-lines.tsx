import { useEffect } from 'preact/hooks';
import { t } from './messages.ts';
import { spaceTitle } from '../../spaces/names.ts';
import { spaces } from '../../spaces/store.ts';
import { listNames } from '../../platform/i18n/format.ts';
import { roundsBySpace, roundThanks } from './store.ts';
import { loadSeenOpened, seenOpened } from './on-device.ts';
import { todayRoundCards } from './moments.ts';
import { participantName, roundPath } from './names.ts';
import { ReadingInvite } from './reading-invite.tsx';
import './today.css';

/**
 * Rounds on Today, people first (issue 11, item 2): a partner reading our answers right now, then
 * answers that opened and that I have not looked at, then exercises open for my answers. Calm
 * cards, never a badge, a count or who is waiting.
 */
export default function RoundsToday() {
  useEffect(() => void loadSeenOpened(), []);
  const shared = spaces.value.filter((s) => s.kind === 'shared');
  const rounds = shared.flatMap((space) => roundsBySpace.value.get(space.id) ?? []);
  const thanked = new Set([...roundThanks.value].filter(([, list]) => list.some((x) => x.isMe)).map(([id]) => id));
  const cards = todayRoundCards({ rounds, seen: seenOpened.value, thanked, now: Date.now() });
  return (
    <>
      <ReadingInvite />
      {cards.map(({ kind, round }) => {
        const space = shared.find((s) => s.id === round.spaceId);
        if (!space) return null;
        if (kind === 'opened') {
          const names = listNames(round.participants.filter((p) => !p.isMe).map(participantName));
          return (
            <p key={round.id} class="card people-line">
              <a href={roundPath(space.id, round.id)}>{t('home.roundOpened', { names })}</a>
            </p>
          );
        }
        return (
          <p key={round.id} class="gentle-line">
            <a href={roundPath(space.id, round.id)}>{t('home.roundWaiting', { space: spaceTitle(space) })}</a>
          </p>
        );
      })}
    </>
  );
}
