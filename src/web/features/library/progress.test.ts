import { describe, expect, it } from 'vitest';
import { getProgram } from '../../../../content/library.ts';
import type { ProgramProgress } from './store.ts';
import { dayIndex, doneCount, nextStep, todaysStep } from './progress.ts';

const scary = getProgram('closeness-feels-scary')!;
const illness = getProgram('chronic-illness')!;
const progress = (done: string[], status: ProgramProgress['status'] = 'active', startedAt = 1): ProgramProgress => ({ status, done, startedAt });

describe('program progress', () => {
  it('offers the first step not marked done, in any order', () => {
    expect(nextStep(scary, undefined)?.id).toBe(scary.steps[0]!.id);
    expect(nextStep(scary, progress([scary.steps[0]!.id]))?.id).toBe(scary.steps[1]!.id);
    expect(nextStep(scary, progress([scary.steps[1]!.id]))?.id).toBe(scary.steps[0]!.id);
    expect(nextStep(scary, progress(scary.steps.map((s) => s.id)))).toBeNull();
  });

  it('counts only steps that exist, once each', () => {
    const first = scary.steps[0]!.id;
    expect(doneCount(scary, [first, first, 'gone'])).toBe(1);
  });

  it('offers today the next step of the earliest started active program; paused ones wait', () => {
    const map = new Map([
      [illness.id, progress([], 'active', 20)],
      [scary.id, progress([], 'paused', 10)],
    ]);
    expect(todaysStep([scary, illness], map)).toEqual({ program: illness, step: illness.steps[0] });
    map.set(scary.id, progress([], 'active', 10));
    expect(todaysStep([scary, illness], map)?.program.id).toBe(scary.id);
    map.set(scary.id, progress(scary.steps.map((s) => s.id), 'active', 10));
    expect(todaysStep([scary, illness], map)?.program.id).toBe(illness.id);
    expect(todaysStep([scary, illness], new Map())).toBeNull();
  });

  it('numbers calendar days so one question holds for a whole day', () => {
    expect(dayIndex('1970-01-02')).toBe(1);
    expect(dayIndex('2026-11-21') - dayIndex('2026-11-20')).toBe(1);
  });
});
