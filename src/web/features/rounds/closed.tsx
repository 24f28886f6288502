import { useFocusIfLost } from '../../ui/use-focus-if-lost.ts';
import type { RoundView } from './types.ts';
import { t } from './messages.ts';
import { participantName } from './names.ts';

/** A withdrawn or stopped exercise, explained plainly: what happened, and that nothing was shown. */
export function Closed({ round }: { round: RoundView }) {
  const heading = useFocusIfLost<HTMLHeadingElement>();
  const starter = round.participants.find((p) => p.userId === round.startedBy);
  const withdrawn = round.status === 'withdrawn';
  let why: string;
  if (withdrawn) why = starter?.isMe ? t('round.withdrawnByMe') : t('round.withdrawnBy', { name: starter ? participantName(starter) : t('space.memberNoName') });
  else why = round.cancelReason === 'participant-left' ? t('round.cancelledLeft') : t('round.cancelledOther');
  return (
    <section class="card stack" aria-labelledby="closed-title">
      <h2 id="closed-title" ref={heading} tabIndex={-1}>{withdrawn ? t('round.withdrawnTitle') : t('round.cancelledTitle')}</h2>
      <p>{why}</p>
      <p>{t('round.closedNothingShown')}</p>
      <p class="muted">{t('round.closedAgain')}</p>
    </section>
  );
}
