// Validates all content (exercises and the library: schema, unique ids, cross-references, style
// lint, open-ended questions) and prints a short count report. Exits 1 with a clear message on any
// problem. Run with Node 24: `npm run content:report`.
import { lintExercise, readingEase, type Exercise, type ItemKind } from '../src/shared/content.ts';
import { DEPTHS, deckTexts, lintLibrary, programTexts, type Library } from '../src/shared/library.ts';
import { comfortTexts, lintComfort, touchProgramTexts, type ComfortCatalog, type TouchProgram } from '../src/shared/comfort.ts';
import { helpPageTexts, lintHelp, sheetTexts, type HelpContent } from '../src/shared/help.ts';
import { LISTENING_TOPICS, lintListeningGuide, listeningTexts, type ListeningGuide } from '../src/shared/listening.ts';
import { ENERGY_LEVELS, IDEA_DIMENSIONS, IDEA_PLACES, IDEA_RHYTHMS, ideaTexts, lintIdeas, type Idea } from '../src/shared/ideas.ts';

const KINDS: readonly ItemKind[] = ['text', 'scale', 'choice'];

function fail(message: string): never {
  console.error(`Content check failed.\n${message}`);
  process.exit(1);
}

let exercises: readonly Exercise[];
let all: readonly Exercise[];
let library: Library;
let comfort: ComfortCatalog;
let touchProgram: TouchProgram;
let comfortItems: (typeof import('../content/comfort.ts'))['comfortItems'];
let ideas: readonly Idea[];
let help: HelpContent;
let listening: ListeningGuide;
try {
  ({ COMFORT_CATALOG: comfort, TOUCH_PROGRAM: touchProgram, comfortItems } = await import('../content/comfort.ts'));
  ({ EXERCISES: exercises } = await import('../content/exercises/index.ts'));
  ({ LIBRARY: library } = await import('../content/library.ts'));
  ({ ALL_EXERCISES: all } = await import('../content/catalog.ts'));
  ({ IDEAS: ideas } = await import('../content/ideas.ts'));
  ({ HELP: help } = await import('../content/help.ts'));
  ({ LISTENING_GUIDE: listening } = await import('../content/listening.ts'));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const problems = [...all.flatMap(lintExercise), ...lintLibrary(library), ...lintComfort(comfort, touchProgram), ...lintIdeas(ideas), ...lintHelp(help), ...lintListeningGuide(listening)];
if (problems.length > 0) {
  fail(`${problems.length} style problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
if (exercises.length === 0) fail('No exercises found.');

const pad = (rows: string[][]): string[] => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`);
};

/** Flesch reading ease (60+ plain English, 80+ easy for most adults). */
const ease = (texts: { text: string }[]): string => readingEase(texts.map((x) => x.text)).toFixed(0);

const steps = library.programs.reduce((n, p) => n + p.steps.length, 0);
const questions = library.decks.reduce((n, d) => n + d.questions.length, 0);
const items = exercises.reduce((n, e) => n + e.items.length, 0);
console.log(
  `Content OK: ${library.programs.length} programs (${steps} steps), ${exercises.length} exercises (${items} items), ` +
    `${library.decks.length} decks (${questions} questions), ${library.dimensions.length} dimensions, ` +
    `${library.obstacles.length} obstacles, ${library.onboarding.length} onboarding reasons, ${ideas.length} ideas for time together; ` +
    `${all.length - exercises.length} exercises derived from them (reflections, single questions, the self-assessment); ` +
    `a comfort catalog of ${comfortItems().length} items in ${comfort.groups.length} groups and a touch program of ${touchProgram.sessions.length} sessions; ` +
    `a help centre of ${help.professional.sections.length + help.unsafe.sections.length} sections and ${help.sheets.length} question sheets.`,
);

console.log('\nPrograms');
console.log(
  pad([
    ['id', 'steps', 'reflections', 'try this', 'words (longest lesson)', 'reading ease'],
    ...library.programs.map((p) => [
      p.id,
      String(p.steps.length),
      String(p.steps.filter((s) => s.reflection).length),
      String(p.steps.filter((s) => s.tryThis).length),
      String(Math.max(...p.steps.map((s) => s.lesson.join(' ').split(/\s+/).length))),
      ease(programTexts(p)),
    ]),
  ]).join('\n'),
);

console.log('\nExercises');
console.log(
  pad([
    ['id', 'items', 'by kind', 'minutes'],
    ...exercises.map((e) => [
      e.id,
      String(e.items.length),
      KINDS.map((kind) => [kind, e.items.filter((i) => i.kind === kind).length] as const)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${n} ${kind}`)
        .join(', '),
      `~${e.estimatedMinutes}`,
    ]),
  ]).join('\n'),
);

console.log('\nDecks (questions per depth)');
console.log(
  pad([
    ['id', ...DEPTHS, 'total', 'reading ease'],
    ...library.decks.map((d) => [
      d.id,
      ...DEPTHS.map((depth) => String(d.questions.filter((q) => q.depth === depth).length)),
      String(d.questions.length),
      ease(deckTexts(d)),
    ]),
  ]).join('\n'),
);

console.log('\nComfort catalog (groups from least to most intimate)');
console.log(
  pad([
    ['group', 'level', 'sexual', 'items', 'adaptations', 'softer versions'],
    ...comfort.groups.map((g) => [
      g.id,
      String(g.level),
      g.sexual ? 'yes' : 'no',
      String(g.items.length),
      String(g.items.filter((i) => i.adaptation).length),
      String(g.items.filter((i) => i.softer !== undefined).length),
    ]),
    [
      'total',
      '',
      '',
      String(comfortItems().length),
      String(comfortItems().filter((i) => i.adaptation).length),
      String(comfortItems().filter((i) => i.softer !== undefined).length),
    ],
  ]).join('\n'),
);
console.log(`  reading ease ${ease(comfortTexts(comfort))}`);

console.log('\nTouch program');
console.log(
  pad([
    ['session', 'level', 'weeks', 'suggestions', 'reading ease'],
    ...touchProgram.sessions.map((s) => [s.id, String(s.level), `~${s.weeks}`, String(s.suggestions.length), ease(touchProgramTexts(touchProgram).filter((x) => x.where.startsWith(`${s.id}.`)))]),
  ]).join('\n'),
);

/** How many ideas carry a tag (an idea may carry several of a kind). */
const tagged = <T extends string>(tags: readonly T[], of: (idea: Idea) => readonly T[]): string[][] =>
  tags.map((tag) => [tag, String(ideas.filter((i) => of(i).includes(tag)).length)]);

console.log('\nIdeas for time together (an idea counts under each tag it carries)');
console.log(pad([['rhythm', 'ideas'], ...tagged(IDEA_RHYTHMS, (i) => i.rhythms)]).join('\n'));
console.log(pad([['energy', 'ideas'], ...tagged(ENERGY_LEVELS, (i) => i.energy)]).join('\n'));
console.log(pad([['place', 'ideas'], ...tagged(IDEA_PLACES, (i) => i.places)]).join('\n'));
console.log(pad([['dimension', 'ideas'], ...tagged(IDEA_DIMENSIONS, (i) => i.dimensions)]).join('\n'));
console.log(`  reading ease: ${ease(ideas.flatMap(ideaTexts))}`);

console.log('\nHelp centre');
console.log(
  pad([
    ['page or sheet', 'sections', 'questions', 'reading ease'],
    ...[help.professional, help.unsafe].map((p) => [p.id, String(p.sections.length), '', ease(helpPageTexts(p))]),
    ...help.sheets.map((s) => [`sheet ${s.id}`, String(s.groups.length), String(s.groups.reduce((n, g) => n + g.questions.length, 0)), ease(sheetTexts(s))]),
  ]).join('\n'),
);
console.log('\nListening guide (prompts per kind of turn)');
console.log(
  pad([
    ['topic', 'speaker', 'listener', 'hold back', 'reading ease'],
    ...LISTENING_TOPICS.map((id) => listening.topics.find((t) => t.id === id)!).map((t) => [
      t.id,
      String(t.speaker.length),
      String(t.listener.length),
      String(t.holdBack.length),
      ease(listeningTexts(listening).filter((x) => x.where.startsWith(`${t.id}.`))),
    ]),
  ]).join('\n'),
);
console.log(`  calming practice: ${listening.calm.steps.length} steps, reading ease ${ease(listeningTexts(listening).filter((x) => x.where.startsWith('calm.')))}`);
