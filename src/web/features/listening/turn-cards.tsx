import type { TurnView } from './views.ts';
import { t } from './messages.ts';

/** A talk in progress (or a request to me), as a link to its screen: one tap to be in it. */
export function TurnLink({ view }: { view: TurnView }) {
  const turn = view.turn;
  const askedMe = turn.phase === 'asked' && turn.device === 'each' && turn.by === view.otherId;
  return (
    <section class="card stack turn-card" aria-label={t('turn.title', { name: view.otherName })}>
      <p>{askedMe ? t('turn.askedMe', { name: view.otherName }) : t('turn.title', { name: view.otherName })}</p>
      <a class="button primary" href={`/spaces/${view.spaceId}/listening/${turn.id}`}>
        {t('listening.continue', { name: view.otherName })}
      </a>
    </section>
  );
}
