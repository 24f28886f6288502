/**
 * Exercise content: the schema every file in content/exercises/ follows, the loader that checks
 * them all, and a style lint (pressure words, gendered assumptions, reading ease). The list itself
 * lives in content/exercises/index.ts so the server, the browser and the tests share one copy.
 *
 * Ids are stable and never reused: answers are stored against exercise and item ids, so renaming
 * one orphans people's answers. Change wording freely; bump `version` when the meaning changes.
 * Every item can be passed: that is the engine's rule, not a field.
 */
// zod/mini: the same schemas as classic zod, tree-shakable, so the browser pays ~8 KB gzip for
// validating content instead of ~30 KB.
import { z } from 'zod/mini';

export const CONTENT_LIMITS = {
  idChars: 64,
  titleChars: 60,
  summaryChars: 140,
  /** A sentence stem or question. */
  promptChars: 120,
  placeholderChars: 80,
  labelChars: 40,
  introParagraphChars: 300,
  introParagraphs: 5,
  discussionPromptChars: 160,
  noteChars: 300,
  answerChars: 2000,
  items: 30,
  /** Longest sentence, in words, for easy reading. */
  sentenceWords: 25,
} as const;

export const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const L = CONTENT_LIMITS;
export const Id = z
  .string()
  .check(z.maxLength(L.idChars), z.regex(KEBAB_RE, 'must be kebab-case (a-z, 0-9, single dashes)'));
/** Non-empty text of at most `max` characters, with no spaces around it. */
export const Text = (max: number) =>
  z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(max),
      z.refine((s) => s.trim() === s, 'must have no spaces around it'),
    );
export const Int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
export const List = <T extends z.core.SomeType>(item: T, min: number, max: number) =>
  z.array(item).check(z.minLength(min), z.maxLength(max));

export const TextItem = z.strictObject({
  kind: z.literal('text'),
  id: Id,
  prompt: Text(L.promptChars),
  placeholder: z.optional(Text(L.placeholderChars)),
  maxChars: Int(1, L.answerChars),
});

export const ScaleItem = z
  .strictObject({
    kind: z.literal('scale'),
    id: Id,
    prompt: Text(L.promptChars),
    min: Int(-100, 100),
    max: Int(-100, 100),
    minLabel: Text(L.labelChars),
    maxLabel: Text(L.labelChars),
    midLabel: z.optional(Text(L.labelChars)),
  })
  .check(z.refine((s) => s.min < s.max, { message: 'min must be below max', path: ['max'] }));

const ChoiceOption = z.strictObject({ id: Id, label: Text(L.labelChars) });

export const ChoiceItem = z.strictObject({
  kind: z.literal('choice'),
  id: Id,
  prompt: Text(L.promptChars),
  options: List(ChoiceOption, 2, 8).check(
    z.refine((o) => new Set(o.map((x) => x.id)).size === o.length, 'option ids must be unique'),
  ),
});

export const ExerciseItem = z.discriminatedUnion('kind', [TextItem, ScaleItem, ChoiceItem]);

export const Exercise = z.strictObject({
  id: Id,
  version: Int(1, 1_000_000),
  title: Text(L.titleChars),
  summary: Text(L.summaryChars),
  estimatedMinutes: Int(1, 120),
  themes: List(Id, 1, 10),
  /**
   * What the exercise touches, in one short line shown before anyone starts ("Safety, trust,
   * touch, sex and fear"), so nobody meets a tender subject unwarned. Every exercise file has
   * one (content.test.ts); exercises derived from the library go without.
   */
  touches: z.optional(Text(L.summaryChars)),
  intro: List(Text(L.introParagraphChars), 1, L.introParagraphs),
  items: List(ExerciseItem, 1, L.items).check(
    z.superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) {
          const message = `duplicate item id "${item.id}"`;
          ctx.addIssue({ code: 'custom', message, path: [i, 'id'], input: item.id });
        }
        seen.add(item.id);
      });
    }),
  ),
  after: z.strictObject({
    discussionPrompts: List(Text(L.discussionPromptChars), 1, 10),
    note: z.optional(Text(L.noteChars)),
  }),
  readTogether: z.boolean(),
});

export type TextItem = z.infer<typeof TextItem>;
export type ScaleItem = z.infer<typeof ScaleItem>;
export type ChoiceItem = z.infer<typeof ChoiceItem>;
export type ExerciseItem = z.infer<typeof ExerciseItem>;
export type Exercise = z.infer<typeof Exercise>;
export type ItemKind = ExerciseItem['kind'];

export class ContentError extends Error {
  override name = 'ContentError';
}

/**
 * zod/mini ships no message locale (part of its size saving), and classic zod, when loaded, sets a
 * global one: describe issues from their fields so messages read the same everywhere. Messages
 * this file sets itself (custom checks, the id format) are used as they are.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return `must be at least ${issue.minimum}${unit(issue.origin)}`;
    case 'too_big':
      return `must be at most ${issue.maximum}${unit(issue.origin)}`;
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be an integer';
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'unrecognized_keys':
      return `unknown key(s): ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      return 'must be a "text", "scale" or "choice" item';
    default:
      return issue.message;
  }
}

function unit(origin: string): string {
  return origin === 'string' ? ' characters' : origin === 'array' ? ' entries' : '';
}

export function describeIssues(error: { issues: readonly z.core.$ZodIssue[] }): string {
  return error.issues
    .map((issue) => `  - ${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${describeIssue(issue)}`)
    .join('\n');
}

function rawId(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('id' in data)) return undefined;
  return typeof data.id === 'string' ? data.id : undefined;
}

/**
 * True in the browser's production bundle only. Content bundled with the app is validated in Node
 * (the server at start, the build's content check just before bundling, the tests), and a test
 * (content/prechecked.test.ts) shows that parsing returns the bundled JSON unchanged. So the
 * browser takes the JSON as it is: parsing it again cost a phone about 100 ms on Today.
 */
export const CONTENT_PRECHECKED: boolean = import.meta.env?.PROD === true;

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Validate every exercise file and check ids are unique across them. `sources` names the files
 * (same order) for error messages. Throws a ContentError listing every problem found; returns
 * deeply frozen exercises in the given order.
 */
export function parseExercises(files: readonly unknown[], sources: readonly string[] = []): Exercise[] {
  const problems: string[] = [];
  const exercises: Exercise[] = [];
  const byId = new Map<string, string>();
  files.forEach((data, i) => {
    const id = rawId(data);
    const source = sources[i] ?? `exercise #${i + 1}`;
    const label = `${source}${id !== undefined ? ` (id "${id}")` : ''}`;
    const result = Exercise.safeParse(data);
    if (!result.success) {
      problems.push(`${label} is invalid:\n${describeIssues(result.error)}`);
      return;
    }
    const earlier = byId.get(result.data.id);
    if (earlier !== undefined) {
      problems.push(`${label} reuses the id "${result.data.id}" of ${earlier}`);
      return;
    }
    byId.set(result.data.id, source);
    exercises.push(deepFreeze(result.data));
  });
  if (problems.length > 0) {
    throw new ContentError(`Exercise content has ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
  return exercises;
}

// ---------- style lint ----------

/** Words that push or grade people: content invites, it does not demand. */
const PRESSURE_WORDS = [
  'must', 'should', 'have to', 'has to', 'hurry', 'streak', 'fail', 'failed', 'failure', 'always',
  'never', 'ought', 'required', 'deadline',
] as const;
/** Words that assume a gender or a relationship form. */
const GENDERED_WORDS = [
  'he', 'she', 'him', 'his', 'her', 'hers', 'himself', 'herself', 'husband', 'husbands', 'wife',
  'wives', 'boyfriend', 'boyfriends', 'girlfriend', 'girlfriends',
] as const;

function wordRegex(words: readonly string[]): RegExp {
  const alternatives = words.map((w) => w.replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_'\u2019])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'giu');
}
const PRESSURE_RE = wordRegex(PRESSURE_WORDS);
const GENDERED_RE = wordRegex(GENDERED_WORDS);

/**
 * Phrases that follow the practitioner articles behind our methods too closely (found in a review,
 * issue 16). Everything we say is in our own words, so these turns of phrase stay out. Matched on
 * words only: case, punctuation and curly quotes do not matter.
 */
export const SOURCE_PHRASES = [
  'everyone heals at their own pace',
  'give you something to look forward to',
  'small safe sharing',
  'simple skin to skin contact',
  'evening check ins keep you',
  'feedback loop of affection',
  'a balanced distance',
] as const;

/** Lower-case words separated by single spaces, with a space at each end (for whole-word matching). */
function plainWords(text: string): string {
  return ` ${text.toLowerCase().replace(/[’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}
const SOURCE_PLAIN = SOURCE_PHRASES.map((phrase) => [phrase, plainWords(phrase)] as const);

/** The source phrases a text repeats (empty when it is in our own words). */
export function sourcePhrasesIn(text: string): string[] {
  const plain = plainWords(text);
  return SOURCE_PLAIN.filter(([, words]) => plain.includes(words)).map(([phrase]) => phrase);
}

/** Syllables in one English word, by vowel groups (a common heuristic; good enough for an average). */
function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '').match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}

/**
 * Flesch reading ease of a body of text: 206.835 - 1.015 x words per sentence - 84.6 x syllables
 * per word. 60 to 70 is plain English; 80 and above is easy for most adults.
 */
export function readingEase(texts: readonly string[]): number {
  const sentences = texts.flatMap((t) => t.split(/[.!?…]+/)).filter((s) => /\p{L}/u.test(s));
  const words = texts.flatMap((t) => t.split(/\s+/)).filter((w) => /\p{L}/u.test(w));
  if (sentences.length === 0 || words.length === 0) return 100;
  const perSentence = words.length / sentences.length;
  const perWord = words.reduce((n, w) => n + syllables(w), 0) / words.length;
  return 206.835 - 1.015 * perSentence - 84.6 * perWord;
}

/**
 * Style problems in any text with where it sits: pressure words, gendered assumptions, phrases too
 * close to a source article, and sentences too long to read easily. One rule set for exercises,
 * programs, decks and the rest.
 */
export function lintTexts(id: string, texts: readonly { where: string; text: string }[]): string[] {
  const problems: string[] = [];
  for (const { where, text } of texts) {
    const at = `${id} ${where}`;
    for (const m of text.matchAll(PRESSURE_RE)) problems.push(`${at}: pressure word "${m[0]}"`);
    for (const m of text.matchAll(GENDERED_RE)) problems.push(`${at}: gendered word "${m[0]}"`);
    for (const phrase of sourcePhrasesIn(text)) problems.push(`${at}: "${phrase}" follows a source article too closely; say it in our own words`);
    for (const sentence of text.split(/[.!?…]+/)) {
      const words = sentence.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      if (words > L.sentenceWords) {
        problems.push(`${at}: a sentence of ${words} words (at most ${L.sentenceWords})`);
      }
    }
  }
  return problems;
}

/** Every user-facing string of an exercise, with where it sits. */
export function exerciseTexts(exercise: Exercise): { where: string; text: string }[] {
  const texts = [
    { where: 'title', text: exercise.title },
    { where: 'summary', text: exercise.summary },
    ...(exercise.touches !== undefined ? [{ where: 'touches', text: exercise.touches }] : []),
    ...exercise.intro.map((text, i) => ({ where: `intro.${i}`, text })),
  ];
  for (const item of exercise.items) {
    const at = `items.${item.id}`;
    texts.push({ where: `${at}.prompt`, text: item.prompt });
    if (item.kind === 'text' && item.placeholder !== undefined) {
      texts.push({ where: `${at}.placeholder`, text: item.placeholder });
    }
    if (item.kind === 'scale') {
      texts.push({ where: `${at}.minLabel`, text: item.minLabel });
      texts.push({ where: `${at}.maxLabel`, text: item.maxLabel });
      if (item.midLabel !== undefined) texts.push({ where: `${at}.midLabel`, text: item.midLabel });
    }
    if (item.kind === 'choice') {
      for (const o of item.options) texts.push({ where: `${at}.options.${o.id}`, text: o.label });
    }
  }
  exercise.after.discussionPrompts.forEach((text, i) => {
    texts.push({ where: `after.discussionPrompts.${i}`, text });
  });
  if (exercise.after.note !== undefined) texts.push({ where: 'after.note', text: exercise.after.note });
  return texts;
}

/**
 * Style problems in one exercise (empty when it reads well): pressure words, gendered
 * assumptions, and sentences too long to read easily. The schema already bounds lengths.
 */
export function lintExercise(exercise: Exercise): string[] {
  return lintTexts(exercise.id, exerciseTexts(exercise));
}
