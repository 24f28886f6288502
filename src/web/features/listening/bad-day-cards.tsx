import { useId, useState } from 'preact/hooks';
import { FormError } from '../../ui/form-error.tsx';
import { useAction } from '../../ui/use-action.ts';
import { listeningActions } from './actions.ts';
import { BAD_DAY_REPLIES, LISTENING_LIMITS } from './kinds.ts';
import { badReplyText, helpText, t } from './messages.ts';
import type { IncomingBadDay, MyBadDay, ReplyToMyBadDay } from './views.ts';

type Level = 2 | 3;

/** "Sam is having a hard day": their line, what would help, a few kind replies or one's own words. */
export function BadDayCard({ item, level }: { item: IncomingBadDay; level: Level }) {
  const { busy, error, run } = useAction();
  const [words, setWords] = useState('');
  const titleId = useId();
  const wordsId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  const sent = t('badDay.replySent', { name: item.name });
  return (
    <section class="card stack bad-day-card" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('badDay.cardTitle', { name: item.name })}</Heading>
      {item.line && <blockquote class="bad-day-line">{item.line}</blockquote>}
      {item.help.length > 0 && <p>{t('badDay.wouldHelp', { list: item.help.map(helpText).join(', ') })}</p>}
      {item.answered ? (
        <p class="muted">{t('badDay.answered', { name: item.name })}</p>
      ) : (
        <>
          <p>{t('badDay.replyPrompt')}</p>
          <div class="listening-buttons" role="group" aria-label={t('badDay.repliesLabel', { name: item.name })}>
            {BAD_DAY_REPLIES.map((id) => (
              <button key={id} type="button" class="button secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => void run(() => listeningActions.replyBadDay(item.spaceId, item.id, { reply: id }), sent)}>
                {badReplyText(id)}
              </button>
            ))}
          </div>
          <form
            class="stack"
            onSubmit={(e) => {
              e.preventDefault();
              if (words.trim()) void run(() => listeningActions.replyBadDay(item.spaceId, item.id, { words: words.trim() }), sent);
            }}
          >
            <label for={wordsId}>{t('badDay.ownWords')}</label>
            <textarea id={wordsId} rows={2} maxLength={LISTENING_LIMITS.replyChars} value={words} onInput={(e) => setWords(e.currentTarget.value)} />
            <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
              {t('badDay.sendWords')}
            </button>
          </form>
        </>
      )}
      <FormError error={error} />
    </section>
  );
}

/** My share, while it shows, with the replies to it and a way to take it back. */
export function MyBadDayCard({ spaceId, mine, replies }: { spaceId: string; mine: MyBadDay; replies: readonly ReplyToMyBadDay[] }) {
  const { busy, error, run } = useAction();
  return (
    <section class="card stack bad-day-card" aria-label={t('badDay.mine')}>
      <p>{t('badDay.mine')}</p>
      {replies.map((r) => (
        <div key={r.id} class="bad-day-reply" role="group" aria-label={t('badDay.replyFrom', { name: r.name })}>
          <p class="muted small">{t('badDay.replyFrom', { name: r.name })}</p>
          <p>{r.reply ? badReplyText(r.reply) : r.words}</p>
        </div>
      ))}
      <div>
        <button type="button" class="button quiet small" aria-disabled={busy ? 'true' : undefined} onClick={() => void run(() => listeningActions.withdrawBadDay(spaceId), t('badDay.withdrawn'))}>
          {t('badDay.withdraw')}
        </button>
      </div>
      <FormError error={error} />
    </section>
  );
}
