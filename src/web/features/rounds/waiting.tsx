import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { useFocusIfLost } from '../../ui/use-focus-if-lost.ts';
import { roundActions } from './actions.ts';
import type { RoundView } from './types.ts';
import { t } from './messages.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { participantName } from './names.ts';

/**
 * After sealing: who has sealed, in calm words (no counting, no nudging), and what to do
 * meanwhile. The starter can withdraw the exercise until it opens.
 */
export function Waiting({ round }: { round: RoundView }) {
  const [withdrawing, setWithdrawing] = useState(false);
  const heading = useFocusIfLost<HTMLHeadingElement>();

  const iStarted = round.participants.some((p) => p.isMe && p.userId === round.startedBy);
  return (
    <>
      <section class="card stack" aria-labelledby="waiting-title">
        <h2 id="waiting-title" ref={heading} tabIndex={-1}>{t('round.waitingTitle')}</h2>
        <p>{t('round.waitingLead')}</p>
        <SealStatusList round={round} />
      </section>

      <section class="quiet-card card stack" aria-labelledby="meanwhile-title">
        <h2 id="meanwhile-title">{t('round.meanwhileTitle')}</h2>
        <ul class="explain-list">
          <li>{t('round.meanwhileLeave')}</li>
          <li>
            {t('round.meanwhileAlone')} <a href="/just-me">{t('round.meanwhileAloneLink')}</a>
          </li>
          <li>{t('round.meanwhileRest')}</li>
        </ul>
      </section>

      {iStarted && (
        <section class="quiet-section" aria-label={t('round.withdrawOpen')}>
          <div class="actions">
            <button type="button" class="button secondary" onClick={() => setWithdrawing(true)}>
              {t('round.withdrawOpen')}
            </button>
          </div>
        </section>
      )}
      <ConfirmDialog
        open={withdrawing}
        onClose={() => setWithdrawing(false)}
        title={t('round.withdrawTitle')}
        confirmLabel={t('round.withdrawConfirm')}
        busyLabel={t('round.withdrawBusy')}
        cancelLabel={t('round.withdrawCancel')}
        variant="danger"
        onConfirm={async () => {
          await roundActions.withdrawRound(round.spaceId, round.id);
          announce(t('live.withdrawn'));
        }}
      >
        <p>{t('round.withdrawBody')}</p>
      </ConfirmDialog>
    </>
  );
}

/** Who has sealed, never what: calm words, no counting. */
export function SealStatusList({ round }: { round: RoundView }) {
  const sealedBefore = useRef(new Set(round.participants.filter((p) => p.sealed).map((p) => p.userId)));

  // Someone else sealing is said aloud once, as it happens.
  useEffect(() => {
    for (const p of round.participants) {
      if (p.sealed && !p.isMe && !sealedBefore.current.has(p.userId)) announce(t('live.otherSealed', { name: participantName(p) }));
    }
    sealedBefore.current = new Set(round.participants.filter((p) => p.sealed).map((p) => p.userId));
  }, [round.participants]);
  return (
    <>
      <h3 id="status-title">{t('round.statusTitle')}</h3>
      <ul class="seal-list" role="list" aria-labelledby="status-title">
        {round.participants.map((p) => (
          <li key={p.userId} class={`seal-row ${p.sealed ? 'is-sealed' : 'not-yet'}`}>
            <span class="seal-mark" aria-hidden="true" />
            {p.isMe
              ? p.sealed
                ? t('round.meSealed')
                : t('round.meNotYet')
              : p.sealed
                ? t('round.otherSealed', { name: participantName(p) })
                : t('round.otherNotYet', { name: participantName(p) })}
          </li>
        ))}
      </ul>
    </>
  );
}
