import { useSpace } from '../../spaces/use-space.ts';
import { BadDayCard } from './bad-day-cards.tsx';
import { t } from './messages.ts';
import { listeningState } from './store.ts';
import './listening.css';

/** On a shared place's screen: a partner's hard day here, and the ways to talk and to share one. */
export default function ListeningSection({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  if (!space || space === 'loading' || !space.members.some((m) => !m.isMe && m.status === 'active')) return null;
  const view = listeningState.value;
  return (
    <section aria-labelledby="listening-space-title" class="stack">
      <h2 id="listening-space-title">{t('listening.title')}</h2>
      {view.incoming
        .filter((i) => i.spaceId === spaceId)
        .map((item) => (
          <BadDayCard key={item.id} item={item} level={3} />
        ))}
      <p>{t('listening.intro')}</p>
      <div class="listening-buttons">
        <a class="button primary" href={`/spaces/${spaceId}/listening/new`}>
          {t('listening.ask')}
        </a>
        <a class="button secondary" href={`/spaces/${spaceId}/listening`}>
          {t('listening.open')}
        </a>
        <a class="button secondary" href={`/spaces/${spaceId}/hard-day`}>
          {t('listening.hardDay')}
        </a>
      </div>
    </section>
  );
}
