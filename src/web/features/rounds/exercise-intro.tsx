import type { ComponentChildren } from 'preact';
import type { Exercise } from '../../../shared/content.ts';
import { t } from './messages.ts';

/**
 * What the exercise touches (one line, before anyone starts), how it works in its own words, and
 * who will see the answers: all before the first line.
 */
export function ExerciseIntro({ exercise, whoSees, children }: { exercise: Exercise; whoSees: string; children: ComponentChildren }) {
  return (
    <section class="card stack exercise-intro" aria-labelledby="intro-title">
      <h2 id="intro-title">{exercise.summary}</h2>
      {exercise.touches && <p class="touches">{t('exercise.touches', { topics: exercise.touches })}</p>}
      <p class="muted small">{t('exercise.minutes', { minutes: exercise.estimatedMinutes })}</p>
      {exercise.intro.map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      <p class="notice notice-info small">
        <span class="lock-inline" aria-hidden="true" />
        {whoSees}
      </p>
      {children}
    </section>
  );
}
