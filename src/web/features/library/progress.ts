/** Where a person is in a program, in words and as the next step to offer. Pure. */
import type { Program, ProgramStep } from '../../../shared/library.ts';
import type { ProgramProgress } from './store.ts';

/** The first step not marked done (steps can be taken in any order), or null when all are done. */
export function nextStep(program: Program, progress: ProgramProgress | undefined): ProgramStep | null {
  const done = new Set(progress?.done ?? []);
  return program.steps.find((s) => !done.has(s.id)) ?? null;
}

/** Steps of this program marked done (ignores ids of steps that no longer exist). */
export function doneCount(program: Program, done: readonly string[]): number {
  const ids = new Set(program.steps.map((s) => s.id));
  return new Set(done.filter((id) => ids.has(id))).size;
}

/**
 * The step to offer on Today: the next step of the program I touched most recently among active
 * ones (started first when equal); null when no active program has a step left.
 */
export function todaysStep(
  programs: readonly Program[],
  progress: ReadonlyMap<string, ProgramProgress>,
): { program: Program; step: ProgramStep } | null {
  const active = programs
    .filter((p) => progress.get(p.id)?.status === 'active')
    .sort((a, b) => (progress.get(a.id)!.startedAt || 0) - (progress.get(b.id)!.startedAt || 0));
  for (const program of active) {
    const step = nextStep(program, progress.get(program.id));
    if (step) return { program, step };
  }
  return null;
}

/** A day's index (days since 1970 in the viewer's calendar), to pick the same question all day. */
export function dayIndex(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}
