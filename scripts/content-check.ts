// Validates every exercise (schema, unique ids, style lint) and prints a short count report.
// Exits 1 with a clear message on any problem. Run with Node 24: `node scripts/content-check.ts`.
import { lintExercise, type Exercise, type ItemKind } from '../src/shared/content.ts';

const KINDS: readonly ItemKind[] = ['text', 'scale', 'choice'];

function fail(message: string): never {
  console.error(`Content check failed.\n${message}`);
  process.exit(1);
}

let exercises: readonly Exercise[];
try {
  ({ EXERCISES: exercises } = await import('../content/exercises/index.ts'));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const problems = exercises.flatMap(lintExercise);
if (problems.length > 0) {
  fail(`${problems.length} style problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
if (exercises.length === 0) fail('No exercises found.');

const items = exercises.reduce((n, e) => n + e.items.length, 0);
console.log(`Content OK: ${exercises.length} exercises, ${items} items.`);
const width = Math.max(...exercises.map((e) => e.id.length));
for (const e of exercises) {
  const byKind = KINDS.map((kind) => [kind, e.items.filter((i) => i.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  const together = e.readTogether ? ', read together' : '';
  const counts = `${e.items.length} items (${byKind})`;
  console.log(`  ${e.id.padEnd(width)}  v${e.version}  ${counts}  ~${e.estimatedMinutes} min${together}`);
}
