/**
 * Every exercise, validated once at import (in Node; see CONTENT_PRECHECKED for the browser). Server, browser and tests import this one list.
 * To add an exercise: add its JSON file here (static imports keep it bundler- and Node-friendly).
 * Ids are stable and never reused; see src/shared/content.ts.
 */
import { CONTENT_PRECHECKED, parseExercises, type Exercise } from '../../src/shared/content.ts';
import appreciations from './appreciations.json' with { type: 'json' };
import relationshipValues from './relationship-values.json' with { type: 'json' };
import sentenceCompletion from './sentence-completion.json' with { type: 'json' };

/** The exercise files as bundled, with their names (for the messages of a failed check). */
export const EXERCISE_FILES = {
  data: [sentenceCompletion, appreciations, relationshipValues] as readonly unknown[],
  names: ['sentence-completion.json', 'appreciations.json', 'relationship-values.json'],
};

export const EXERCISES: readonly Exercise[] = Object.freeze(
  CONTENT_PRECHECKED ? (EXERCISE_FILES.data as Exercise[]) : parseExercises(EXERCISE_FILES.data, EXERCISE_FILES.names),
);

export const EXERCISE_BY_ID: ReadonlyMap<string, Exercise> = new Map(EXERCISES.map((e) => [e.id, e]));

export function getExercise(id: string): Exercise | undefined {
  return EXERCISE_BY_ID.get(id);
}
