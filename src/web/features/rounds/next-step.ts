/**
 * One gentle next step after reading a round together (issue 11, item 5): a conversation deck
 * close to what the exercise touched, else a program, else simply some unhurried time together.
 * Pure: it reads the exercise's themes and the bundled library.
 */
import type { Exercise } from '../../../shared/content.ts';
import type { Deck, Program } from '../../../shared/library.ts';

export type NextStep = { kind: 'deck'; id: string; title: string } | { kind: 'program'; id: string; title: string } | { kind: 'time-together' };

export function nextStepFor(exercise: Pick<Exercise, 'themes'>, library: { decks: readonly Deck[]; programs: readonly Program[] }): NextStep {
  // Decks first: a few questions on another day ask less than a program, and suggest nothing
  // about anyone's health (a theme like "chronic-illness" must not point everyone to that program).
  for (const theme of exercise.themes) {
    const deck = library.decks.find((d) => d.id === theme) ?? library.decks.find((d) => d.dimension === theme);
    if (deck) return { kind: 'deck', id: deck.id, title: deck.title };
  }
  for (const theme of exercise.themes) {
    const program = library.programs.find((p) => p.id === theme);
    if (program) return { kind: 'program', id: program.id, title: program.title };
  }
  return { kind: 'time-together' };
}
