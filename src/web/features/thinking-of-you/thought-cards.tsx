import { useId } from 'preact/hooks';
import { FormError } from '../../ui/form-error.tsx';
import { useAction } from '../../ui/use-action.ts';
import { thinkingActions } from './actions.ts';
import { REPLY_IDS } from './kinds.ts';
import { replyText, t } from './messages.ts';
import type { IncomingThought, ReplyToMe } from './views.ts';

type Level = 2 | 3;

/**
 * A card goes once answered or closed, and with it the button that had focus: focus then moves to
 * the "Thinking of you" heading nearby rather than back to the top of the page.
 */
function refocus(): void {
  setTimeout(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) document.querySelector<HTMLElement>('[data-thinking-home]')?.focus();
  }, 0);
}

/** "Sam is thinking of you", with a few kind replies to choose from and a close that sends nothing. */
export function IncomingCard({ item, level }: { item: IncomingThought; level: Level }) {
  const { busy, error, run } = useAction();
  const titleId = useId();
  const hintId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="card stack thought-card" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('thinking.incomingTitle', { name: item.name })}</Heading>
      {item.toAll && <p>{t('thinking.incomingAll', { name: item.name, space: item.spaceName })}</p>}
      <p>{t('thinking.replyPrompt')}</p>
      <div class="thought-buttons" role="group" aria-label={t('thinking.repliesLabel', { name: item.name })}>
        {REPLY_IDS.map((id) => (
          <button
            key={id}
            type="button"
            class="button secondary"
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => void run(() => thinkingActions.reply(item.spaceId, item.noticeId, id).then(refocus), t('thinking.replySent', { name: item.name, reply: replyText(id) }))}
          >
            {replyText(id)}
          </button>
        ))}
      </div>
      <div class="thought-close">
        <button
          type="button"
          class="button quiet small"
          aria-describedby={hintId}
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => void run(() => thinkingActions.close(item.spaceId, item.from, 'notice', item.noticeId).then(refocus), t('thinking.closeHint'))}
        >
          {t('thinking.close')}
        </button>
        <span id={hintId} class="muted small">
          {t('thinking.closeHint')}
        </span>
      </div>
      <FormError error={error} />
    </section>
  );
}

/** "Sam replied: Thinking of you too", with a close. */
export function ReplyCard({ item }: { item: ReplyToMe }) {
  const { busy, error, run } = useAction();
  return (
    <section class="card thought-reply" aria-label={t('thinking.replyTitle', { name: item.name })}>
      <p>{t('thinking.replyLine', { name: item.name, reply: replyText(item.reply) })}</p>
      <button
        type="button"
        class="button quiet small"
        aria-disabled={busy ? 'true' : undefined}
        onClick={() => void run(() => thinkingActions.close(item.spaceId, item.from, 'reply', item.replyId).then(refocus), t('thinking.closeHint'))}
      >
        {t('thinking.close')}
      </button>
      <FormError error={error} />
    </section>
  );
}
