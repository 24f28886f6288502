import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../../../../content/library.ts';
import { EXERCISES } from '../../../../content/exercises/index.ts';
import { nextStepFor } from './next-step.ts';

describe('one gentle next step after reading together', () => {
  it('prefers a deck named by a theme, or of a theme’s dimension', () => {
    const lib = { decks: LIBRARY.decks, programs: LIBRARY.programs };
    expect(nextStepFor({ themes: ['trust', 'communication'] }, lib)).toMatchObject({ kind: 'deck', id: 'communication' });
    const physical = LIBRARY.decks.find((d) => d.dimension === 'physical')!;
    expect(nextStepFor({ themes: ['physical'] }, lib)).toMatchObject({ kind: 'deck', id: physical.id, title: physical.title });
  });

  it('points to a program only when no deck fits, so no one is steered towards an illness program', () => {
    const lib = { decks: LIBRARY.decks, programs: LIBRARY.programs };
    expect(nextStepFor({ themes: ['chronic-illness', 'emotional'] }, lib)).toMatchObject({ kind: 'deck' });
    expect(nextStepFor({ themes: ['chronic-illness'] }, lib)).toMatchObject({ kind: 'program', id: 'chronic-illness' });
  });

  it('otherwise suggests some unhurried time together', () => {
    expect(nextStepFor({ themes: ['nothing-matches'] }, { decks: LIBRARY.decks, programs: LIBRARY.programs })).toEqual({ kind: 'time-together' });
  });

  it('finds a step for every bundled exercise', () => {
    for (const exercise of EXERCISES) expect(nextStepFor(exercise, LIBRARY).kind, exercise.id).not.toBe('time-together');
  });
});
