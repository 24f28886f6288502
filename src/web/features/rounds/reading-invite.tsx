import { useEffect, useRef } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { exerciseOf, participantName, roundPath } from './names.ts';
import { readingInvitation } from './moments.ts';
import { readingOrder } from './reading-order.ts';
import { invitationsAnswered, readingHere, readPositions, roundsBySpace } from './store.ts';
import type { RoundView } from './types.ts';
import { t } from './messages.ts';
import './today.css';

/** The closing screen's step: the answers, then talking, then closing (see screens/read-together.tsx). */
export function closingStep(round: RoundView): number | null {
  const exercise = exerciseOf(round);
  if (!exercise) return null;
  return readingOrder(exercise.items.map((i) => i.id), round.participants.map((p) => p.userId)).length + 1;
}

function answer(roundId: string): void {
  invitationsAnswered.value = new Set([...invitationsAnswered.value, roundId]);
}

/**
 * "Sam started reading your answers together. Join?" A calm card, when a partner is reading our
 * answers right now and I have not joined; Join takes me to where they are. Announced once.
 */
export function ReadingInvite({ spaceId }: { spaceId?: string }) {
  const rounds = spaceId ? (roundsBySpace.value.get(spaceId) ?? []) : [...roundsBySpace.value.values()].flat();
  const invitation = readingInvitation({
    rounds,
    positions: readPositions.value,
    closingStepOf: closingStep,
    answered: invitationsAnswered.value,
    readingHere: readingHere.value,
    now: Date.now(),
  });
  const said = useRef<string | null>(null);
  const name = invitation ? participantName(invitation.round.participants.find((p) => p.userId === invitation.byUserId)!) : '';
  useEffect(() => {
    if (!invitation || said.current === invitation.round.id) return;
    said.current = invitation.round.id;
    announce(t('invite.started', { name }));
  }, [invitation?.round.id]);
  if (!invitation) return null;
  const { round } = invitation;
  return (
    <section class="card stack reading-invite" aria-labelledby={`invite-${round.id}`}>
      <h2 id={`invite-${round.id}`} class="invite-title">
        {t('invite.started', { name })}
      </h2>
      <p>{t('invite.body')}</p>
      <div class="actions actions-inline">
        <a class="button primary" href={`${roundPath(round.spaceId, round.id)}/read?on=each`} onClick={() => answer(round.id)}>
          {t('invite.join')}
        </a>
        <button type="button" class="button quiet" onClick={() => answer(round.id)}>
          {t('invite.notNow')}
        </button>
      </div>
    </section>
  );
}
