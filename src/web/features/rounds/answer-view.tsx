import type { ExerciseItem } from '../../../shared/content.ts';
import type { AnswerValue } from './types.ts';
import { t } from './messages.ts';

/** An answer's words as written (no rewriting here: that is for reading aloud). */
export function answerText(item: ExerciseItem, answer: AnswerValue | undefined): string | null {
  if (!answer || answer.kind === 'pass') return null;
  if (answer.kind === 'text' && item.kind === 'text') return answer.text;
  if (answer.kind === 'scale' && item.kind === 'scale') {
    const label = answer.value === item.min ? item.minLabel : answer.value === item.max ? item.maxLabel : null;
    return label ? t('exercise.scaleEnd', { value: answer.value, label }) : String(answer.value);
  }
  if (answer.kind === 'choice' && item.kind === 'choice') {
    return item.options.find((o) => o.id === answer.optionId)?.label ?? null;
  }
  return null;
}

/** One answer, or a calm "Passed". */
export function AnswerView({ item, answer }: { item: ExerciseItem; answer: AnswerValue | undefined }) {
  const text = answerText(item, answer);
  if (text === null) return <p class="answer answer-passed">{answer?.kind === 'pass' || !answer ? t('exercise.passed') : t('exercise.noAnswer')}</p>;
  return <p class="answer">{text}</p>;
}
