// Validates all content (exercises and the library: schema, unique ids, cross-references, style
// lint, open-ended questions) and prints a short count report. Exits 1 with a clear message on any
// problem. Run with Node 24: `npm run content:report`.
import { lintExercise, readingEase, type Exercise, type ItemKind } from '../src/shared/content.ts';
import { DEPTHS, deckTexts, lintLibrary, programTexts, type Library } from '../src/shared/library.ts';

const KINDS: readonly ItemKind[] = ['text', 'scale', 'choice'];

function fail(message: string): never {
  console.error(`Content check failed.\n${message}`);
  process.exit(1);
}

let exercises: readonly Exercise[];
let all: readonly Exercise[];
let library: Library;
try {
  ({ EXERCISES: exercises } = await import('../content/exercises/index.ts'));
  ({ LIBRARY: library } = await import('../content/library.ts'));
  ({ ALL_EXERCISES: all } = await import('../content/catalog.ts'));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const problems = [...all.flatMap(lintExercise), ...lintLibrary(library)];
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
    `${library.obstacles.length} obstacles, ${library.onboarding.length} onboarding reasons; ` +
    `${all.length - exercises.length} exercises derived from them (reflections, single questions, the self-assessment).`,
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
