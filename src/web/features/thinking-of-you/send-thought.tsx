import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { memberName } from '../../spaces/names.ts';
import type { SpaceView } from '../../spaces/types.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useAction } from '../../ui/use-action.ts';
import { thinkingActions } from './actions.ts';
import { EVERYONE } from './kinds.ts';
import { t } from './messages.ts';
import { thoughts } from './store.ts';
import { restLeft, targetsOf, type MemberInput, type SentThought } from './views.ts';

export function membersOf(space: SpaceView): MemberInput[] {
  return space.members.map((m) => ({ userId: m.userId, name: memberName(m), isMe: m.isMe, active: m.status === 'active' }));
}

function sentText(space: SpaceView, sent: SentThought): string {
  if (sent.to === EVERYONE) return t('thinking.sentAll');
  const member = space.members.find((m) => m.userId === sent.to);
  return t('thinking.sent', { name: member ? memberName(member) : '' });
}

/**
 * The calm confirmation that stands where the buttons were, for the resting minute. When it has
 * just replaced the button that was tapped, focus comes here (not back to the top of the page);
 * shown on opening the screen, it leaves focus alone.
 */
function Sent({ text, justTapped }: { text: string; justTapped: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!justTapped) return;
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) ref.current?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p ref={ref} tabIndex={-1} class="thought-sent">
      {text}
    </p>
  );
}

/**
 * One tap per person (and one for everyone, with three or more of us). After sending, the space's
 * buttons rest for a minute behind a calm confirmation: no count, just a pause.
 */
export function SendThought({ space, label }: { space: SpaceView; label?: string }) {
  const targets = targetsOf(membersOf(space));
  const sent = thoughts.value.lastSent[space.id];
  const left = restLeft(sent, Date.now());
  const [, setTick] = useState(0);
  const [tapped, setTapped] = useState(false);
  const { busy, error, run } = useAction();
  const labelId = useId();

  // Back to the buttons when the minute is over.
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setTick((n) => n + 1), left + 50);
    return () => clearTimeout(timer);
  }, [sent?.at, left > 0]);

  if (targets.length === 0) return null;
  if (left > 0 && sent) return <Sent text={sentText(space, sent)} justTapped={tapped} />;
  return (
    <div class="stack thought-send">
      {label && (
        <p id={labelId} class="thought-space">
          {label}
        </p>
      )}
      <div class="thought-buttons" role="group" aria-labelledby={label ? labelId : undefined}>
        {targets.map((target) => (
          <button
            key={target.to}
            type="button"
            class="button primary"
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => {
              setTapped(true);
              void run(() => thinkingActions.send(space.id, target.to), target.name === null ? t('thinking.sentAll') : t('thinking.sent', { name: target.name }));
            }}
          >
            {target.name === null ? t('thinking.sendAll') : t('thinking.send', { name: target.name })}
          </button>
        ))}
      </div>
      <FormError error={error} />
    </div>
  );
}
