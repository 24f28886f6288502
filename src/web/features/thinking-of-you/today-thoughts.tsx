import { shareableSpaces } from '../../spaces/my-spaces.ts';
import { spaceTitle } from '../../spaces/names.ts';
import { t } from './messages.ts';
import { membersOf, SendThought } from './send-thought.tsx';
import { whenTrue } from '../../platform/signal-true.ts';
import { thoughts, thoughtsReady } from './store.ts';
import { IncomingCard, ReplyCard } from './thought-cards.tsx';
import { targetsOf } from './views.ts';
import './thinking.css';

/** Today shows its parts once the thoughts are read (platform/feature.ts). */
export const ready = () => whenTrue(thoughtsReady);

/**
 * Today, people first: who is thinking of me, who answered, and one tap to think of them. Never a
 * count or a list of what was sent before.
 */
export default function TodayThoughts() {
  const view = thoughts.value;
  const withPartners = shareableSpaces().filter((s) => targetsOf(membersOf(s)).length > 0);
  return (
    <>
      {view.incoming.map((item) => (
        <IncomingCard key={item.noticeId} item={item} level={2} />
      ))}
      {view.replies.map((item) => (
        <ReplyCard key={item.replyId} item={item} />
      ))}
      {withPartners.length > 0 && (
        <section class="card stack" aria-labelledby="thinking-title">
          <h2 id="thinking-title" tabIndex={-1} data-thinking-home>{t('thinking.title')}</h2>
          <p>{t('thinking.intro')}</p>
          {withPartners.map((space) => (
            <SendThought key={space.id} space={space} label={withPartners.length > 1 ? t('thinking.inSpace', { space: spaceTitle(space) }) : undefined} />
          ))}
        </section>
      )}
    </>
  );
}
