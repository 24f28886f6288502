/**
 * The browser takes bundled content as it is (CONTENT_PRECHECKED in src/shared/content.ts): that
 * is sound only while checking it changes nothing. If a schema ever trims, defaults or strips a
 * field, this fails, and the browser must parse again (or the JSON be written as parsed).
 */
import derivedJson from './derived.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { CONTENT_PRECHECKED, parseExercises } from '../src/shared/content.ts';
import { DerivedTexts, libraryAsBundled, parseLibrary } from '../src/shared/library.ts';
import { DERIVED_EXERCISES } from './catalog.ts';
import { EXERCISE_BY_ID, EXERCISE_FILES } from './exercises/index.ts';
import { LIBRARY_FILES } from './library.ts';
import { COMFORT_FILES } from './comfort.ts';
import { parseComfort } from '../src/shared/comfort.ts';
import { parseListeningGuide } from '../src/shared/listening.ts';
import { LISTENING_GUIDE_FILE } from './listening.ts';

describe('bundled content, taken as it is by the browser', () => {
  it('is checked (not taken as it is) everywhere but the browser bundle', () => {
    expect(CONTENT_PRECHECKED).toBe(false);
  });

  it('parses to exactly what is bundled: exercises, library, derived texts and derived exercises', () => {
    expect(parseExercises(EXERCISE_FILES.data, EXERCISE_FILES.names)).toEqual(EXERCISE_FILES.data);
    expect(parseLibrary(LIBRARY_FILES, new Set(EXERCISE_BY_ID.keys()))).toEqual(libraryAsBundled(LIBRARY_FILES));
    expect(DerivedTexts.parse(derivedJson)).toEqual(derivedJson);
    expect(DERIVED_EXERCISES.length).toBeGreaterThan(20);
    expect(parseExercises(DERIVED_EXERCISES)).toEqual(DERIVED_EXERCISES);
    expect(parseListeningGuide(LISTENING_GUIDE_FILE.file, LISTENING_GUIDE_FILE.data)).toEqual(LISTENING_GUIDE_FILE.data);
    expect(parseComfort(COMFORT_FILES.catalog, COMFORT_FILES.touchProgram)).toEqual({ catalog: COMFORT_FILES.catalog, program: COMFORT_FILES.touchProgram });
  });

  it('would notice a field the schema drops (the check can fail)', () => {
    const [first] = EXERCISE_FILES.data as Record<string, unknown>[];
    const withExtra = { ...first, notInTheSchema: true };
    let parsed: unknown;
    try {
      parsed = parseExercises([withExtra]);
    } catch {
      parsed = null; // a strict schema refuses it: also not "unchanged"
    }
    expect(parsed).not.toEqual([withExtra]);
  });
});
