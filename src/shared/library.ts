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

/**
 * Where content may point inside the app (a closed list, so content cannot link anywhere): the
 * comfort map's touch program, the help centre and its private "I don't feel safe" page.
 */
export const STEP_LINKS = ['/comfort/together', '/help', '/help/unsafe'] as const;

/** A pointer to a tool of the app, in the voice of the content around it. */
export const ContentLink = z.strictObject({ href: z.enum(STEP_LINKS), label: Text(LL.titleChars), line: Text(LL.tryThisChars) });
export type ContentLink = z.infer<typeof ContentLink>;

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
  /** A tool of the app this step points to (the touch program, the help centre), in the step's voice. */
  link: z.optional(ContentLink),
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
  /** Where to get help (the help centre, or the "I don't feel safe" page), shown apart from the strategies. */
  link: z.optional(ContentLink),
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

/**
 * The voice of a question: it speaks to the one answering ("you"), and "we", "us" and "our" mean
 * everyone in the relationship, that person included. So "us" never stands for the others: "loved
 * by us", "alone with us", "would you like us to…" or "how can we tell when you…" put the person
 * outside their own relationship (and read wrong to each of three or more). Ask about "each other",
 * "this relationship", what they would like to do "together", or leave the others out.
 */
const EXCLUSIVE_US: readonly RegExp[] = [
  // "us" as the other side: "loved by us", "alone with us", "what you need from us", "come to us".
  /\b(?:by|with|from|to) us\b/i,
  // "would you like us to treat…": "us" doing something for the person, who is part of "us".
  /\b(?:like|love|want|need|hope)s?\s+us\s+to\b/i,
  // "we" or "us" acting on "you": "how can we tell when you…", "we make it easier for you". Not "us"
  // as the topic ("about us", "of us", "between us"), which is the whole relationship.
  /(?<!\b(?:about|of|between)\s)\b(?:us|we)\b[^,;:?!.]*?\b(?:for|about|with|ask|tell|when|see|seeing)\s+(?:you|yourself)\b/i,
];

/** The words that use "us" or "we" for the others in a question to "you" (null when the voice is right). */
export function exclusiveUs(text: string): string | null {
  for (const re of EXCLUSIVE_US) {
    const match = re.exec(text);
    if (match) return match[0];
  }
  return null;
}

/** Small words that say little about what a question asks (left out when comparing questions). */
const FILLER = new Set(
  ('a an the and or but of to in on at by for with from as if it its is are was be been do does did that this these those ' +
    'what which how when where who why you your yours me my mine i we us our one some any can could would like most more ' +
    'little small right now lately today week ever feel feels').split(' '),
);

function questionWords(text: string): Set<string> {
  const words = text.toLowerCase().replace(/[’']/g, '').split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((w) => w.length > 0 && !FILLER.has(w)));
}

/**
 * True when two questions ask the same thing in nearly the same words: the same meaningful words,
 * most of them shared (60% or more of all), or nearly all of the shorter question's words found in
 * the longer one ("What made you smile today?" inside "What made you smile today, even briefly?").
 * A rewording with new words is not caught here; that is for a reader. Used across decks, so the
 * same card does not turn up twice.
 */
export function sameQuestion(a: string, b: string): boolean {
  const x = questionWords(a);
  const y = questionWords(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  const smaller = Math.min(x.size, y.size);
  if (shared === x.size && shared === y.size) return true;
  if (shared / (x.size + y.size - shared) >= 0.6) return true;
  return smaller >= 2 && shared / smaller >= 0.8;
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
    if (step.link) texts.push({ where: `${at}.link.label`, text: step.link.label }, { where: `${at}.link.line`, text: step.link.line });
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
      for (const p of step.reflection?.prompts ?? []) {
        const us = exclusiveUs(p.prompt);
        if (us !== null) problems.push(`${program.id} steps.${step.id}.reflection.${p.id}: "${us}" speaks of the others as "us"; the one answering is part of "us"`);
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
      const us = exclusiveUs(q.text);
      if (us !== null) problems.push(`${deck.id} questions.${q.id}: "${us}" speaks of the others as "us"; the one answering is part of "us"`);
    }
  }
  const questions = library.decks.flatMap((d) => d.questions.map((q) => ({ at: `${d.id} questions.${q.id}`, text: q.text })));
  questions.forEach((a, i) => {
    for (const b of questions.slice(i + 1)) {
      if (sameQuestion(a.text, b.text)) problems.push(`${b.at}: asks the same as ${a.at} ("${a.text}"); replace one of them`);
    }
  });
  for (const d of library.dimensions) {
    const texts = [d.title, d.description, d.closenessPrompt, d.importancePrompt, d.dailyPractice, d.lowEnergy];
    problems.push(...lintTexts(`dimension ${d.id}`, texts.map((text, i) => ({ where: String(i), text }))));
  }
  for (const o of library.obstacles) {
    const texts = [o.title, o.hint, o.impact, ...o.strategies, ...(o.link ? [o.link.label, o.link.line] : [])];
    problems.push(...lintTexts(`obstacle ${o.id}`, texts.map((text, i) => ({ where: String(i), text }))));
  }
  for (const o of library.onboarding) {
    problems.push(...lintTexts(`onboarding ${o.id}`, [o.label, o.response].map((text, i) => ({ where: String(i), text }))));
  }
  return problems;
}
