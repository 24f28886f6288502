import { LIBRARY, getDeck, getProgram } from '../../../../content/library.ts';
import { localDay } from '../../platform/calendar.ts';
import { libraryReady, onboardingReason, programProgress } from './store.ts';
import { t } from './messages.ts';
import { dayIndex, todaysStep } from './progress.ts';

const DEFAULT_DECK = 'light-and-playful';

/**
 * What Today offers from the library: one next step (or where to begin), and one conversation
 * question that stays the same all day. Never a list of things to do. Loaded lazily by Today, so
 * the library's text is not on the first screen's path.
 */
export default function TodayLibrary() {
  if (!libraryReady.value) return null;
  const reason = LIBRARY.onboarding.find((r) => r.id === onboardingReason.value);
  const next = todaysStep(LIBRARY.programs, programProgress.value);
  const suggested = reason && !programProgress.value.has(reason.start.program) ? getProgram(reason.start.program) : undefined;
  const deck = getDeck(reason?.start.deck ?? DEFAULT_DECK) ?? LIBRARY.decks[0]!;
  const light = deck.questions.filter((q) => q.depth === 'light');
  const question = light[dayIndex(localDay()) % light.length]!;

  return (
    <>
      {!reason && !next ? (
        <section aria-labelledby="start-title" class="card stack">
          <h2 id="start-title">{t('home.startTitle')}</h2>
          <p>{t('home.startBody')}</p>
          <div class="actions">
            <a class="button secondary" href="/start">
              {t('home.startLink')}
            </a>
          </div>
        </section>
      ) : (
        (next || suggested) && (
          <section aria-labelledby="next-title" class="card stack">
            <h2 id="next-title">{t('home.nextTitle')}</h2>
            {next ? (
              <p>
                <a href={`/programs/${next.program.id}/${next.step.id}`}>{t('home.nextStep', { program: next.program.title, step: next.step.title })}</a>
              </p>
            ) : (
              <p>
                <a href={`/programs/${suggested!.id}`}>{t('home.suggested', { program: suggested!.title })}</a>
              </p>
            )}
          </section>
        )
      )}
      <section aria-labelledby="question-title" class="card stack">
        <h2 id="question-title">{t('home.questionTitle')}</h2>
        <p class="question-of-the-day">{question.text}</p>
        <p>
          <a href={`/decks/${deck.id}`}>{t('home.questionMore', { deck: deck.title })}</a>
        </p>
      </section>
      <p class="aside-link">
        <a href="/explore">{t('home.explore')}</a>
      </p>
    </>
  );
}
