import { shareableSpaces } from '../../spaces/my-spaces.ts';
import { spaceTitle } from '../../spaces/names.ts';
import { BadDayCard, MyBadDayCard } from './bad-day-cards.tsx';
import { t } from './messages.ts';
import { whenTrue } from '../../platform/signal-true.ts';
import { listeningReady, listeningState } from './store.ts';
import { TurnLink } from './turn-cards.tsx';
import './listening.css';

/** Today shows its parts once the talks and shares are read (platform/feature.ts). */
export const ready = () => whenTrue(listeningReady);

/**
 * Today, people first: a partner's hard day (calm, with kind replies), a talk asked for or in
 * progress, and the two ways in: "Can we talk?" and "I'm having a hard day". Never a count.
 */
export default function TodayListening() {
  const view = listeningState.value;
  const places = shareableSpaces().filter((s) => s.members.some((m) => !m.isMe && m.status === 'active'));
  if (places.length === 0) return null;
  const several = places.length > 1;
  return (
    <>
      {view.incoming.map((item) => (
        <BadDayCard key={item.id} item={item} level={2} />
      ))}
      {view.turns
        .filter((v) => v.turn.phase !== 'ended')
        .map((v) => (
          <TurnLink key={v.turn.id} view={v} />
        ))}
      {places.map((space) => {
        const mine = view.mine[space.id];
        return mine ? <MyBadDayCard key={space.id} spaceId={space.id} mine={mine} replies={view.replies.filter((r) => r.spaceId === space.id)} /> : null;
      })}
      <section class="card stack" aria-labelledby="listening-title">
        <h2 id="listening-title">{t('listening.title')}</h2>
        <p>{t('listening.intro')}</p>
        {places.map((space) => (
          <div key={space.id} class="listening-buttons">
            <a class="button primary" href={`/spaces/${space.id}/listening/new`}>
              {several ? t('listening.askIn', { place: spaceTitle(space) }) : t('listening.ask')}
            </a>
            <a class="button secondary" href={`/spaces/${space.id}/hard-day`}>
              {several ? t('listening.hardDayIn', { place: spaceTitle(space) }) : t('listening.hardDay')}
            </a>
          </div>
        ))}
      </section>
    </>
  );
}
