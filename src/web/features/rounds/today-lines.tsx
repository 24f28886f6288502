import { t } from './messages.ts';
import { spaceTitle } from '../../spaces/names.ts';
import { spaces } from '../../spaces/store.ts';
import { roundsBySpace } from './store.ts';

/** Exercises open for my answers: one calm line each, never a badge or a count. */
export default function RoundsWaiting() {
  const rounds = roundsBySpace.value;
  const waiting = spaces.value
    .filter((s) => s.kind === 'shared')
    .flatMap((space) =>
      (rounds.get(space.id) ?? []).filter((r) => r.status === 'open' && r.iAmParticipant && !r.iHaveSealed).map((round) => ({ space, round })),
    );
  return (
    <>
      {waiting.map(({ space, round }) => (
        <p key={round.id} class="gentle-line">
          <a href={`/spaces/${space.id}/rounds/${round.id}`}>{t('home.roundWaiting', { space: spaceTitle(space) })}</a>
        </p>
      ))}
    </>
  );
}
