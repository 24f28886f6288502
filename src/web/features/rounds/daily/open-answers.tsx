import { t } from '../messages.ts';
import { participantName } from '../names.ts';
import type { RoundView } from '../types.ts';
import { useRevealed } from '../use-revealed.ts';

/** Everyone's line, once the day's answers opened (each verified; a failure says so, never shows text). */
export function OpenAnswers({ round, headingLevel = 3 }: { round: RoundView; headingLevel?: 2 | 3 }) {
  const { state, reload } = useRevealed(round);
  if (state.kind === 'loading') return <p class="muted" role="status">{t('round.opening')}</p>;
  if (state.kind === 'failed') {
    return (
      <div class="notice notice-error" role="alert">
        <p>{t('round.openFailed')}</p>
        <button type="button" class="button secondary small" onClick={reload}>
          {t('common.tryAgain')}
        </button>
      </div>
    );
  }
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="answer-list daily-answers" role="list">
      {state.data.answers.map((person) => {
        const isMe = round.participants.some((p) => p.userId === person.userId && p.isMe);
        const answer = Object.values(person.answers)[0];
        return (
          <li key={person.userId} class="answer-row">
            <Heading class="answer-author">{isMe ? t('daily.you') : participantName(person)}</Heading>
            {!person.verified ? (
              <p class="notice notice-security small">{t('round.unverified')}</p>
            ) : answer?.kind === 'text' ? (
              <p class="answer">{answer.text}</p>
            ) : (
              <p class="answer answer-passed">{t('exercise.passed')}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
