/**
 * Every exercise, validated once at import. Server, browser and tests import this one list.
 * To add an exercise: add its JSON file here (static imports keep it bundler- and Node-friendly).
 * Ids are stable and never reused; see src/shared/content.ts.
 */
import { parseExercises, type Exercise } from '../../src/shared/content.ts';
import appreciations from './appreciations.json' with { type: 'json' };
import relationshipValues from './relationship-values.json' with { type: 'json' };
import sentenceCompletion from './sentence-completion.json' with { type: 'json' };

export const EXERCISES: readonly Exercise[] = Object.freeze(
  parseExercises(
    [sentenceCompletion, appreciations, relationshipValues],
    ['sentence-completion.json', 'appreciations.json', 'relationship-values.json'],
  ),
);

export const EXERCISE_BY_ID: ReadonlyMap<string, Exercise> = new Map(EXERCISES.map((e) => [e.id, e]));

export function getExercise(id: string): Exercise | undefined {
  return EXERCISE_BY_ID.get(id);
}
