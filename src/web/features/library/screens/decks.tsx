import { DIMENSION_IDS, type Deck } from '../../../../shared/library.ts';
import { LIBRARY, getDeck } from '../../../../../content/library.ts';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { kept, keepKey } from '../store.ts';
import { t } from '../messages.ts';
import '../decks.css';

const FAVOURITE_PREFIX = keepKey('favourite', '');

/** The decks of one kind of closeness come first, in the dimensions' own order; the others follow. */
const dimensionRank = (deck: Deck): number => DIMENSION_IDS.indexOf(deck.dimension!);
const BY_DIMENSION = LIBRARY.decks.filter((d) => d.dimension !== undefined).sort((a, b) => dimensionRank(a) - dimensionRank(b));
// Communication, health and low energy, light and playful: in the library's order.
const MORE = LIBRARY.decks.filter((d) => d.dimension === undefined);

function DeckList({ decks }: { decks: readonly Deck[] }) {
  return (
    <ul class="space-list deck-list" role="list">
      {decks.map((deck) => (
        <li key={deck.id} class="card space-card linked">
          <div>
            <h3>
              <a class="card-link" href={`/decks/${deck.id}`}>
                {deck.title}
              </a>
            </h3>
            <p>{deck.summary}</p>
            <p class="muted small">{t('decks.questionCount', { count: deck.questions.length })}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** My favourite questions, by deck, then in the order the deck asks them. */
function favourites(keys: ReadonlySet<string>) {
  const list: { deck: Deck; questionId: string; text: string }[] = [];
  for (const key of keys) {
    if (!key.startsWith(FAVOURITE_PREFIX)) continue;
    const [deckId = '', questionId = ''] = key.slice(FAVOURITE_PREFIX.length).split('/');
    const deck = getDeck(deckId);
    const question = deck?.questions.find((q) => q.id === questionId);
    // A question removed from the content since it was kept is simply not listed.
    if (deck && question) list.push({ deck, questionId, text: question.text });
  }
  const deckRank = (d: Deck) => LIBRARY.decks.indexOf(d);
  const questionRank = (d: Deck, id: string) => d.questions.findIndex((q) => q.id === id);
  return list.sort((a, b) => deckRank(a.deck) - deckRank(b.deck) || questionRank(a.deck, a.questionId) - questionRank(b.deck, b.questionId));
}

/** Every conversation deck, grouped calmly, and the questions I keep as favourites. */
export default function Decks() {
  const favs = favourites(kept.value);
  return (
    <div class="screen decks">
      <ScreenTitle>{t('decks.title')}</ScreenTitle>
      <p class="lead">{t('decks.lead')}</p>
      <p class="muted">{t('decks.skipAny')}</p>

      {favs.length > 0 && (
        <section aria-labelledby="favourites-title" class="stack">
          <h2 id="favourites-title">{t('decks.favouritesTitle')}</h2>
          <ul class="plain-list deck-favourites" role="list">
            {favs.map((f) => (
              <li key={`${f.deck.id}/${f.questionId}`} class="deck-favourite">
                <a href={`/decks/${f.deck.id}?q=${encodeURIComponent(f.questionId)}`}>{f.text}</a>
                <span class="muted small">{t('decks.favouriteFrom', { deck: f.deck.title })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="by-dimension-title" class="stack">
        <h2 id="by-dimension-title">{t('decks.byDimension')}</h2>
        <DeckList decks={BY_DIMENSION} />
      </section>

      <section aria-labelledby="more-decks-title" class="stack">
        <h2 id="more-decks-title">{t('decks.more')}</h2>
        <DeckList decks={MORE} />
      </section>

      <div class="actions">
        <a class="button secondary" href="/explore">
          {t('decks.backToExplore')}
        </a>
      </div>
    </div>
  );
}
