import { useLocation } from 'preact-iso';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { DEPTHS, type Deck, type Depth, type Question } from '../../../../shared/library.ts';
import { questionExerciseId } from '../../../../../content/catalog.ts';
import { getDeck } from '../../../../../content/library.ts';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { AnswerOptions } from '../answer-options.tsx';
import { libraryActions } from '../actions.ts';
import { kept, keepKey } from '../store.ts';
import { t } from '../messages.ts';
import NotFound from '../../../ui/not-found.tsx';
import '../decks.css';

type DepthChoice = Depth | 'all';
const DEPTH_CHOICES: readonly DepthChoice[] = [...DEPTHS, 'all'];

/**
 * Decks whose guide was already shown open in this session. Kept in memory only: which decks a
 * person opened is nobody's business, so it is not written anywhere, even on this device.
 */
const guideShown = new Set<string>();

/** One pass through the deck: the questions in the order they come, where we are, what was skipped. */
interface Deal {
  depth: DepthChoice;
  shuffled: boolean;
  order: readonly Question[];
  index: number;
  /** Skipped in this pass, so the end card can offer them again; never stored. */
  skipped: readonly Question[];
}

/** The questions at a depth; "all" goes from light to deepest, as gradual self-disclosure does. */
function questionsAt(deck: Deck, depth: DepthChoice): Question[] {
  if (depth !== 'all') return deck.questions.filter((q) => q.depth === depth);
  return [...deck.questions].sort((a, b) => DEPTHS.indexOf(a.depth) - DEPTHS.indexOf(b.depth));
}

/** Fisher–Yates; the order of a few questions needs no cryptographic randomness. */
function shuffle<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function deal(deck: Deck, depth: DepthChoice, shuffled: boolean): Deal {
  const list = questionsAt(deck, depth);
  return { depth, shuffled, order: shuffled ? shuffle(list) : list, index: 0, skipped: [] };
}

/** Opens at a question when asked to (a favourite's link), else at the lightest depth the deck has. */
function firstDeal(deck: Deck, questionId: string | undefined): Deal {
  const asked = deck.questions.find((q) => q.id === questionId);
  if (asked) {
    const d = deal(deck, asked.depth, false);
    return { ...d, index: d.order.indexOf(asked) };
  }
  const depth = DEPTHS.find((x) => deck.questions.some((q) => q.depth === x)) ?? 'all';
  return deal(deck, depth, false);
}

/** `/decks/:deckId`: one deck, its guide, and its questions one at a time. */
export default function DeckRoute({ deckId }: { deckId: string }) {
  const deck = getDeck(deckId);
  return deck ? <DeckScreen deck={deck} /> : <NotFound />;
}

function DeckScreen({ deck }: { deck: Deck }) {
  const { query } = useLocation();
  const ids = useId();
  const [current, setCurrent] = useState<Deal>(() => firstDeal(deck, query.q));
  const [guideOpen] = useState(() => {
    // Open the first time; once the guide was seen here, or a question of this deck was kept, it folds away.
    const seen = guideShown.has(deck.id) || deck.questions.some((q) => kept.value.has(keepKey('favourite', `${deck.id}/${q.id}`)));
    guideShown.add(deck.id);
    return !seen;
  });
  const [keepBusy, setKeepBusy] = useState(false);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const endRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const { order, index } = current;
  const atEnd = order.length > 0 && index >= order.length;
  const question = atEnd ? undefined : order[index];
  const favouriteRef = question ? `${deck.id}/${question.id}` : '';
  const isKept = question ? kept.value.has(keepKey('favourite', favouriteRef)) : false;

  // After each change of card: the end card takes focus (the buttons that led there are gone);
  // a new question is announced, and takes focus only if the control that was used went away.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (atEnd) {
      endRef.current?.focus();
      return;
    }
    if (!question) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    const position = { n: index + 1, total: order.length };
    if (lost && questionRef.current) {
      questionRef.current.focus();
      announce(t('decks.position', position));
    } else {
      announce(t('decks.positionSpoken', { ...position, question: question.text }));
    }
  }, [current]);

  const move = (skip: boolean) =>
    setCurrent((d) => ({ ...d, index: d.index + 1, skipped: skip && d.order[d.index] ? [...d.skipped, d.order[d.index]!] : d.skipped }));

  function backInOrder() {
    const next = deal(deck, current.depth, false);
    // Stay on the same question; the rest of the pass then follows the deck's order.
    const at = question ? next.order.indexOf(question) : 0;
    setCurrent({ ...next, index: Math.max(0, at) });
  }

  async function toggleKeep() {
    if (!question || keepBusy) return;
    setKeepBusy(true);
    try {
      await libraryActions.keep('favourite', favouriteRef, !isKept);
    } catch {
      announce(t('decks.keepFailed'));
    } finally {
      setKeepBusy(false);
    }
  }

  const togetherId = `${ids}-together`;
  const answerId = `${ids}-answer`;

  return (
    <div class="screen deck">
      <ScreenTitle>{deck.title}</ScreenTitle>
      <p class="lead">{deck.summary}</p>
      <p class="muted">{t('decks.skipAny')}</p>

      <details class="card details-card deck-guide" open={guideOpen || undefined}>
        <summary>{t('decks.guideTitle')}</summary>
        <div class="stack">
          {deck.guide.map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
      </details>

      <section aria-labelledby={togetherId} class="stack deck-together">
        <h2 id={togetherId}>{t('decks.togetherTitle')}</h2>
        <p class="muted">{t('decks.togetherLead')}</p>

        <div class="deck-controls">
          <fieldset class="segmented">
            <legend>{t('decks.depth')}</legend>
            <div class="segmented-options">
              {DEPTH_CHOICES.map((depth) => (
                <label key={depth} class="segmented-option">
                  <input
                    type="radio"
                    name={`${ids}-depth`}
                    value={depth}
                    checked={current.depth === depth}
                    onChange={() => setCurrent(deal(deck, depth, current.shuffled))}
                  />
                  <span>{t(`decks.depth.${depth}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {order.length > 1 && (
            <div class="actions-row">
              <button type="button" class="button secondary small" onClick={() => setCurrent(deal(deck, current.depth, true))}>
                {t('decks.shuffle')}
              </button>
              {current.shuffled && (
                <button type="button" class="button quiet small" onClick={backInOrder}>
                  {t('decks.inOrder')}
                </button>
              )}
            </div>
          )}
        </div>

        {order.length === 0 ? (
          <p class="card deck-card">{t('decks.depthNone')}</p>
        ) : atEnd ? (
          <div class="card deck-card deck-end stack">
            <h3 ref={endRef} tabIndex={-1}>
              {t('decks.endTitle')}
            </h3>
            <p>{t('decks.endBody')}</p>
            <div class="actions">
              <button type="button" class="button primary" onClick={() => setCurrent(deal(deck, current.depth, current.shuffled))}>
                {t('decks.startAgain')}
              </button>
              {current.skipped.length > 0 && (
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => setCurrent({ ...current, order: current.skipped, index: 0, skipped: [] })}
                >
                  {t('decks.backToSkipped', { count: current.skipped.length })}
                </button>
              )}
              <a class="button secondary" href="/decks">
                {t('decks.allDecks')}
              </a>
            </div>
          </div>
        ) : (
          question && (
            <>
              <div class="card deck-card">
                <p class="muted deck-position">{t('decks.position', { n: index + 1, total: order.length })}</p>
                <h3 ref={questionRef} tabIndex={-1} class="deck-question">
                  {question.text}
                </h3>
                <button
                  type="button"
                  class="button quiet small deck-keep"
                  aria-pressed={isKept ? 'true' : 'false'}
                  aria-disabled={keepBusy ? 'true' : undefined}
                  onClick={() => void toggleKeep()}
                >
                  <span aria-hidden="true" class="deck-keep-mark">
                    {isKept ? '★' : '☆'}
                  </span>
                  {/* One name; the pressed state says whether it is kept (a changing name would be read twice). */}
                  {t('decks.keep')}
                </button>
              </div>
              <div class="deck-actions">
                <button type="button" class="button secondary" onClick={() => move(true)}>
                  {t('decks.skip')}
                </button>
                <button type="button" class="button primary" onClick={() => move(false)}>
                  {t('decks.next')}
                </button>
              </div>
              <details class="card details-card deck-answer">
                <summary id={answerId}>{t('decks.answerTitle')}</summary>
                <AnswerOptions exerciseId={questionExerciseId(deck, question)} labelledBy={answerId} />
              </details>
            </>
          )
        )}
      </section>

      <p class="aside-link">
        <a href="/decks">{t('decks.allDecks')}</a>
      </p>
    </div>
  );
}
