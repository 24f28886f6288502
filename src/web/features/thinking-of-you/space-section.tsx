import { useSpace } from '../../spaces/use-space.ts';
import { t } from './messages.ts';
import { membersOf, SendThought } from './send-thought.tsx';
import { thoughts } from './store.ts';
import { IncomingCard, ReplyCard } from './thought-cards.tsx';
import { targetsOf } from './views.ts';
import './thinking.css';

/** On a shared space's screen: what is new here between us, and one tap to think of someone. */
export default function ThinkingSection({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  if (!space || space === 'loading' || targetsOf(membersOf(space)).length === 0) return null;
  const view = thoughts.value;
  return (
    <section aria-labelledby="thinking-space-title" class="stack thinking-section">
      <h2 id="thinking-space-title" tabIndex={-1} data-thinking-home>{t('thinking.title')}</h2>
      {view.incoming
        .filter((i) => i.spaceId === space.id)
        .map((item) => (
          <IncomingCard key={item.noticeId} item={item} level={3} />
        ))}
      {view.replies
        .filter((r) => r.spaceId === space.id)
        .map((item) => (
          <ReplyCard key={item.replyId} item={item} />
        ))}
      <p>{t('thinking.intro')}</p>
      <SendThought space={space} />
    </section>
  );
}
