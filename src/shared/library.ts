/**
 * The rest of the content library (issue 5): guided programs, conversation decks, the dimensions
 * of intimacy (for the self-assessment), obstacles, and the onboarding reasons. Each is a JSON file
 * under content/, validated by these schemas at build, in tests and at boot, with stable ids:
 * progress, favourites and answers are stored against them, so an id is never renamed or reused.
 * Wording can change freely; bump `version` when the meaning changes.
 */
import { z } from 'zod/mini';
import { ContentError, Id, Int, List, Text, deepFreeze, describeIssues, lintTexts } from './content.ts';

export const LIBRARY_LIMITS = {
  /** A lesson is short: about 250 words at most, across its paragraphs. */
  lessonWords: 250,
  paragraphChars: 600,
  paragraphs: 6,
  titleChars: 60,
  summaryChars: 160,
  /** A conversation question, a reflection prompt, a self-assessment prompt. */
  questionChars: 120,
  tryThisChars: 240,
  steps: 8,
  reflectionPrompts: 4,
  questions: 80,
  minQuestionsPerDeck: 20,
  minDimensions: 6,
} as const;

const LL = LIBRARY_LIMITS;
const Paragraphs = (min: number, max: number = LL.paragraphs) => List(Text(LL.paragraphChars), min, max);

export const DIMENSION_IDS = ['emotional', 'intellectual', 'experiential', 'spiritual', 'physical', 'sexual'] as const;
export const DEPTHS = ['light', 'deeper', 'deepest'] as const;
export type Depth = (typeof DEPTHS)[number];

/** What a piece of content points to: programs, decks and exercises by id (checked across files). */
export const Recommends = z.strictObject({
  programs: z.optional(List(Id, 0, 6)),
  decks: z.optional(List(Id, 0, 6)),
  exercises: z.optional(List(Id, 0, 6)),
});
export type Recommends = z.infer<typeof Recommends>;

// ---------- programs ----------

const Practice = z.strictObject({
  /** Who does it: alone, together, or either way. */
  mode: z.enum(['solo', 'together', 'either']),
  minutes: Int(1, 120),
  steps: Paragraphs(1, 6),
  /** For a tired or painful day: the same idea, with less energy. */
  lowEnergy: Text(LL.paragraphChars),
});

const Reflection = z.strictObject({
  /** Globally unique: the reflection is also an exercise (answered alone or as a round). */
  id: Id,
  /** Shown before the prompts; at most 300 characters, like an exercise's intro paragraph. */
  intro: z.optional(Text(300)),
  prompts: List(z.strictObject({ id: Id, prompt: Text(LL.questionChars) }), 1, LL.reflectionPrompts),
  /** What to talk about once a shared reflection is revealed. */
  discuss: List(Text(160), 1, 4),
});

export const ProgramStep = z.strictObject({
  id: Id,
  title: Text(LL.titleChars),
  lesson: Paragraphs(1),
  practice: Practice,
  reflection: z.optional(Reflection),
  /** A small concrete intention the person can keep. */
  tryThis: z.optional(Text(LL.tryThisChars)),
  /** An exercise from content/exercises this step leads into (alone or as a round). */
  exercise: z.optional(Id),
});

export const Program = z.strictObject({
  id: Id,
  version: Int(1, 1_000_000),
  title: Text(LL.titleChars),
  summary: Text(LL.summaryChars),
  /** Who it is for, in a sentence. */
  forWhom: Text(LL.summaryChars),
  intro: Paragraphs(1, 3),
  dimensions: List(z.enum(DIMENSION_IDS), 0, 6),
  steps: List(ProgramStep, 2, LL.steps),
});

// ---------- decks ----------

export const Question = z.strictObject({
  id: Id,
  depth: z.enum(DEPTHS),
  text: Text(LL.questionChars),
});

export const Deck = z.strictObject({
  id: Id,
  version: Int(1, 1_000_000),
  title: Text(LL.titleChars),
  summary: Text(LL.summaryChars),
  /** The dimension it belongs to, if any (communication, health and playful decks have none). */
  dimension: z.optional(z.enum(DIMENSION_IDS)),
  /** How to ask and how to listen: short paragraphs. */
  guide: Paragraphs(2, 5),
  questions: List(Question, LL.minQuestionsPerDeck, LL.questions),
});

// ---------- dimensions, obstacles, onboarding ----------

export const Dimension = z.strictObject({
  id: z.enum(DIMENSION_IDS),
  title: Text(LL.titleChars),
  description: Text(LL.paragraphChars),
  /** "How close do we feel here now?" in this dimension's words. */
  closenessPrompt: Text(LL.questionChars),
  /** "How much does this matter to me?" in this dimension's words. */
  importancePrompt: Text(LL.questionChars),
  dailyPractice: Text(LL.paragraphChars),
  lowEnergy: Text(LL.paragraphChars),
  recommends: Recommends,
});

export const Obstacle = z.strictObject({
  id: Id,
  title: Text(LL.titleChars),
  /** A few words under the title in the picker. */
  hint: Text(80),
  impact: Text(LL.paragraphChars),
  strategies: Paragraphs(1, 4),
  recommends: Recommends,
});

export const OnboardingReason = z.strictObject({
  id: Id,
  label: Text(LL.titleChars),
  /** Said back to the person after they choose, before the recommendation. */
  response: Text(LL.paragraphChars),
  start: z.strictObject({ program: Id, deck: z.optional(Id) }),
});

const ScaleWords = z.strictObject({ min: Text(40), mid: Text(40), max: Text(40) });

/** The words around exercises derived from the library (content/derived.json; see content/catalog.ts). */
export const DerivedTexts = z.strictObject({
  selfAssessment: z.strictObject({
    title: Text(LL.titleChars),
    summary: Text(140),
    intro: List(Text(300), 1, 3),
    now: ScaleWords,
    matters: ScaleWords,
    discussionPrompts: List(Text(160), 1, 4),
  }),
  question: z.strictObject({ discussionPrompts: List(Text(160), 1, 4) }),
});
export type DerivedTexts = z.infer<typeof DerivedTexts>;

export const Library = z.strictObject({
  programs: z.array(Program),
  decks: z.array(Deck),
  dimensions: z.array(Dimension),
  obstacles: z.array(Obstacle),
  onboarding: z.array(OnboardingReason),
});

export type ProgramStep = z.infer<typeof ProgramStep>;
export type Program = z.infer<typeof Program>;
export type Question = z.infer<typeof Question>;
export type Deck = z.infer<typeof Deck>;
export type Dimension = z.infer<typeof Dimension>;
export type Obstacle = z.infer<typeof Obstacle>;
export type OnboardingReason = z.infer<typeof OnboardingReason>;
export type Library = z.infer<typeof Library>;

// ---------- loading ----------

export interface LibrarySource<T> {
  file: string;
  data: unknown;
  /** Filled in by parseLibrary. */
  parsed?: T;
}

function parseEach<T>(kind: string, schema: z.ZodMiniType<T>, files: readonly LibrarySource<T>[], problems: string[]): T[] {
  const out: T[] = [];
  for (const { file, data } of files) {
    const result = schema.safeParse(data);
    if (!result.success) problems.push(`${file} (${kind}) is invalid:\n${describeIssues(result.error)}`);
    else out.push(result.data);
  }
  return out;
}

function uniqueIds(kind: string, ids: readonly string[], problems: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${kind} id "${id}" is used twice`);
    seen.add(id);
  }
}

export interface LibraryFiles {
  programs: readonly LibrarySource<Program>[];
  decks: readonly LibrarySource<Deck>[];
  dimensions: LibrarySource<Dimension[]>;
  obstacles: LibrarySource<Obstacle[]>;
  onboarding: LibrarySource<OnboardingReason[]>;
}

/**
 * Validates every library file, unique ids (programs, steps, reflections, decks, questions), the
 * six dimensions, and every cross-reference (recommendations and onboarding starts must name
 * content that exists; `exerciseIds` are the exercises from content/exercises). Throws one
 * ContentError listing every problem; returns the library deeply frozen.
 */
/** The library as bundled, without a check (see CONTENT_PRECHECKED in content.ts: for the browser only). */
export function libraryAsBundled(files: LibraryFiles): Library {
  return {
    programs: files.programs.map((f) => f.data),
    decks: files.decks.map((f) => f.data),
    dimensions: files.dimensions.data,
    obstacles: files.obstacles.data,
    onboarding: files.onboarding.data,
  } as Library;
}

export function parseLibrary(files: LibraryFiles, exerciseIds: ReadonlySet<string>): Library {
  const problems: string[] = [];
  const programs = parseEach('program', Program, files.programs, problems);
  const decks = parseEach('deck', Deck, files.decks, problems);
  const [dimensions = []] = parseEach('dimensions', z.array(Dimension), [files.dimensions], problems);
  const [obstacles = []] = parseEach('obstacles', z.array(Obstacle), [files.obstacles], problems);
  const [onboarding = []] = parseEach('onboarding', z.array(OnboardingReason), [files.onboarding], problems);

  uniqueIds('program', programs.map((p) => p.id), problems);
  for (const p of programs) {
    for (const s of p.steps) if (s.exercise !== undefined && !exerciseIds.has(s.exercise)) problems.push(`${p.id} step ${s.id} leads into unknown exercise "${s.exercise}"`);
  }
  uniqueIds('step', programs.flatMap((p) => p.steps.map((s) => `${p.id}/${s.id}`)), problems);
  const reflectionIds = programs.flatMap((p) => p.steps.flatMap((s) => (s.reflection ? [s.reflection.id] : [])));
  uniqueIds('reflection', reflectionIds, problems);
  for (const id of reflectionIds) if (exerciseIds.has(id)) problems.push(`reflection id "${id}" is also an exercise id`);
  uniqueIds('deck', decks.map((d) => d.id), problems);
  for (const d of decks) uniqueIds(`question (deck ${d.id})`, d.questions.map((q) => q.id), problems);
  uniqueIds('dimension', dimensions.map((d) => d.id), problems);
  uniqueIds('obstacle', obstacles.map((o) => o.id), problems);
  uniqueIds('onboarding reason', onboarding.map((o) => o.id), problems);
  for (const id of DIMENSION_IDS) if (!dimensions.some((d) => d.id === id)) problems.push(`dimension "${id}" is missing`);
  for (const d of decks) {
    for (const depth of DEPTHS) if (!d.questions.some((q) => q.depth === depth)) problems.push(`deck ${d.id} has no "${depth}" question`);
  }

  const programIds = new Set(programs.map((p) => p.id));
  const deckIds = new Set(decks.map((d) => d.id));
  const checkRecommends = (where: string, r: Recommends): void => {
    for (const id of r.programs ?? []) if (!programIds.has(id)) problems.push(`${where} recommends unknown program "${id}"`);
    for (const id of r.decks ?? []) if (!deckIds.has(id)) problems.push(`${where} recommends unknown deck "${id}"`);
    for (const id of r.exercises ?? []) if (!exerciseIds.has(id)) problems.push(`${where} recommends unknown exercise "${id}"`);
  };
  for (const d of dimensions) checkRecommends(`dimension ${d.id}`, d.recommends);
  for (const o of obstacles) checkRecommends(`obstacle ${o.id}`, o.recommends);
  for (const o of onboarding) {
    if (!programIds.has(o.start.program)) problems.push(`onboarding ${o.id} starts with unknown program "${o.start.program}"`);
    if (o.start.deck !== undefined && !deckIds.has(o.start.deck)) problems.push(`onboarding ${o.id} suggests unknown deck "${o.start.deck}"`);
  }

  if (problems.length > 0) throw new ContentError(`Library content has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return deepFreeze({ programs, decks, dimensions, obstacles, onboarding });
}

// ---------- lint ----------

/**
 * Yes/no openings: a question starting like this can be answered in one word, which closes a
 * conversation instead of opening it. "Is there…" and "Have you ever…" are as closed as "Do you…".
 */
const CLOSED_STEMS = [
  'do', 'does', 'did', 'are', 'is', 'was', 'were', 'have', 'has', 'had', 'can', 'could', 'will',
  'would', 'should', 'shall', 'may', 'might', 'am', "isn't", "aren't", "don't", "doesn't", "didn't",
  "haven't", "won't", "wouldn't", "can't", "couldn't",
] as const;

/** True when a question opens with a yes/no stem ("Do you…", "Is it…", "Would you rather…"). */
export function isClosedQuestion(text: string): boolean {
  const first = text.trim().toLowerCase().replace(/’/g, "'").split(/[\s,]+/)[0] ?? '';
  return (CLOSED_STEMS as readonly string[]).includes(first);
}

function wordCount(texts: readonly string[]): number {
  return texts.join(' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

export function programTexts(program: Program): { where: string; text: string }[] {
  const texts = [
    { where: 'title', text: program.title },
    { where: 'summary', text: program.summary },
    { where: 'forWhom', text: program.forWhom },
    ...program.intro.map((text, i) => ({ where: `intro.${i}`, text })),
  ];
  for (const step of program.steps) {
    const at = `steps.${step.id}`;
    texts.push({ where: `${at}.title`, text: step.title });
    step.lesson.forEach((text, i) => texts.push({ where: `${at}.lesson.${i}`, text }));
    step.practice.steps.forEach((text, i) => texts.push({ where: `${at}.practice.${i}`, text }));
    texts.push({ where: `${at}.practice.lowEnergy`, text: step.practice.lowEnergy });
    if (step.reflection) {
      if (step.reflection.intro) texts.push({ where: `${at}.reflection.intro`, text: step.reflection.intro });
      for (const p of step.reflection.prompts) texts.push({ where: `${at}.reflection.${p.id}`, text: p.prompt });
      step.reflection.discuss.forEach((text, i) => texts.push({ where: `${at}.reflection.discuss.${i}`, text }));
    }
    if (step.tryThis) texts.push({ where: `${at}.tryThis`, text: step.tryThis });
  }
  return texts;
}

export function deckTexts(deck: Deck): { where: string; text: string }[] {
  return [
    { where: 'title', text: deck.title },
    { where: 'summary', text: deck.summary },
    ...deck.guide.map((text, i) => ({ where: `guide.${i}`, text })),
    ...deck.questions.map((q) => ({ where: `questions.${q.id}`, text: q.text })),
  ];
}

/** Style problems across the library (empty when it reads well). */
export function lintLibrary(library: Library): string[] {
  const problems: string[] = [];
  for (const program of library.programs) {
    problems.push(...lintTexts(program.id, programTexts(program)));
    for (const step of program.steps) {
      for (const text of [...(step.reflection?.prompts.map((p) => p.prompt) ?? []), ...(step.reflection?.discuss ?? [])]) {
        if (isClosedQuestion(text)) problems.push(`${program.id} steps.${step.id}.reflection: a yes/no question ("${text}"); ask it open-ended`);
      }
      const words = wordCount(step.lesson);
      if (words > LL.lessonWords) problems.push(`${program.id} steps.${step.id}.lesson: ${words} words (at most ${LL.lessonWords})`);
    }
  }
  for (const deck of library.decks) {
    problems.push(...lintTexts(deck.id, deckTexts(deck)));
    for (const q of deck.questions) {
      if (isClosedQuestion(q.text)) problems.push(`${deck.id} questions.${q.id}: a yes/no question ("${q.text}"); ask it open-ended`);
      if (!q.text.endsWith('?')) problems.push(`${deck.id} questions.${q.id}: a question ends with "?"`);
    }
  }
  for (const d of library.dimensions) {
    const texts = [d.title, d.description, d.closenessPrompt, d.importancePrompt, d.dailyPractice, d.lowEnergy];
    problems.push(...lintTexts(`dimension ${d.id}`, texts.map((text, i) => ({ where: String(i), text }))));
  }
  for (const o of library.obstacles) {
    problems.push(...lintTexts(`obstacle ${o.id}`, [o.title, o.hint, o.impact, ...o.strategies].map((text, i) => ({ where: String(i), text }))));
  }
  for (const o of library.onboarding) {
    problems.push(...lintTexts(`onboarding ${o.id}`, [o.label, o.response].map((text, i) => ({ where: String(i), text }))));
  }
  return problems;
}
