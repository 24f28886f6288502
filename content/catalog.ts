/**
 * Every exercise a round or a private reflection can hold: the exercises of content/exercises,
 * plus ones derived from the library, so a program step's reflection, a single deck question and
 * the self-assessment can be answered alone or revealed together through the same engine:
 * - a step's reflection: id = the reflection's id (unique, checked against exercise ids);
 * - a deck question: id = `${deckId}-${questionId}`;
 * - the self-assessment: id = 'self-assessment', two scales per dimension.
 * Derived ids are stable because the ids they are built from are.
 */
import { CONTENT_PRECHECKED, ContentError, describeIssues, parseExercises, type Exercise } from '../src/shared/content.ts';
import { DerivedTexts, type Deck, type Dimension, type Program, type ProgramStep, type Question } from '../src/shared/library.ts';
import derivedJson from './derived.json' with { type: 'json' };
import { EXERCISES } from './exercises/index.ts';
import { LIBRARY } from './library.ts';

export const SELF_ASSESSMENT_ID = 'self-assessment';

/** The words around derived exercises, from content/derived.json (checked in Node, see CONTENT_PRECHECKED). */
const TEXTS: DerivedTexts = CONTENT_PRECHECKED ? (derivedJson as DerivedTexts) : checkedTexts(derivedJson);

function checkedTexts(raw: unknown): DerivedTexts {
  const parsed = DerivedTexts.safeParse(raw);
  if (!parsed.success) throw new ContentError(`derived.json is invalid:\n${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function reflectionExercise(program: Program, step: ProgramStep): Exercise | null {
  const r = step.reflection;
  if (!r) return null;
  return {
    id: r.id,
    version: program.version,
    title: step.title,
    summary: program.title,
    estimatedMinutes: Math.max(3, r.prompts.length * 3),
    themes: [program.id],
    intro: [r.intro ?? program.summary],
    items: r.prompts.map((p) => ({ kind: 'text', id: p.id, prompt: p.prompt, maxChars: 2000 })),
    after: { discussionPrompts: [...r.discuss] },
    readTogether: false,
  };
}

export function questionExerciseId(deck: Deck, question: Question): string {
  return `${deck.id}-${question.id}`;
}

export function questionExercise(deck: Deck, question: Question): Exercise {
  return {
    id: questionExerciseId(deck, question),
    version: deck.version,
    title: deck.title,
    // The question itself, so pickers and round lists show it (questions are at most 120 characters).
    summary: question.text,
    estimatedMinutes: 5,
    themes: [deck.id],
    intro: [deck.summary],
    items: [{ kind: 'text', id: question.id, prompt: question.text, maxChars: 2000 }],
    after: { discussionPrompts: [...TEXTS.question.discussionPrompts] },
    readTogether: false,
  };
}

/** Two scales per dimension: how close we feel there now, and how much it matters to me. */
export function selfAssessmentExercise(dimensions: readonly Dimension[]): Exercise {
  const { title, summary, intro, now, matters, discussionPrompts } = TEXTS.selfAssessment;
  return {
    id: SELF_ASSESSMENT_ID,
    version: 1,
    title,
    summary,
    estimatedMinutes: 4,
    themes: dimensions.map((d) => d.id),
    intro: [...intro],
    items: dimensions.flatMap((d) => [
      { kind: 'scale', id: `${d.id}-now`, prompt: d.closenessPrompt, min: 0, max: 10, minLabel: now.min, midLabel: now.mid, maxLabel: now.max },
      { kind: 'scale', id: `${d.id}-matters`, prompt: d.importancePrompt, min: 0, max: 10, minLabel: matters.min, midLabel: matters.mid, maxLabel: matters.max },
    ]),
    after: { discussionPrompts: [...discussionPrompts] },
    readTogether: false,
  };
}

const derived: Exercise[] = [
  ...LIBRARY.programs.flatMap((p) => p.steps.map((s) => reflectionExercise(p, s)).filter((e): e is Exercise => e !== null)),
  ...LIBRARY.decks.flatMap((d) => d.questions.map((q) => questionExercise(d, q))),
  selfAssessmentExercise(LIBRARY.dimensions),
];

// Derived exercises pass the same schema as written ones (so they obey the same limits); the
// written ones were validated by content/exercises/index.ts and are used as they are.
export const DERIVED_EXERCISES: readonly Exercise[] = derived;
const parsedDerived = CONTENT_PRECHECKED ? derived : parseExercises(derived, derived.map((e) => `derived ${e.id}`));
const clash = parsedDerived.find((d) => EXERCISES.some((e) => e.id === d.id));
if (clash) throw new ContentError(`derived exercise id "${clash.id}" is also the id of an exercise in content/exercises`);

/** Every exercise: the written ones first, then those derived from the library. */
export const ALL_EXERCISES: readonly Exercise[] = Object.freeze([...EXERCISES, ...parsedDerived]);

const BY_ID: ReadonlyMap<string, Exercise> = new Map(ALL_EXERCISES.map((e) => [e.id, e]));

/** Any exercise by id: from content/exercises or derived from the library. */
export function getExercise(id: string): Exercise | undefined {
  return BY_ID.get(id);
}
