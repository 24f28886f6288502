import { describe, expect, it } from 'vitest';
import { resumeAt, standing, stepBack, stepForward } from './stepper.ts';

const ids = ['a', 'b', 'c'];

describe('one question at a time', () => {
  it('moves forward up to the review screen and back down to the introduction', () => {
    expect(stepForward(0, 3)).toBe(1);
    expect(stepForward(2, 3)).toBe(3); // the review screen
    expect(stepForward(3, 3)).toBe(3);
    expect(stepBack(3)).toBe(2);
    expect(stepBack(0)).toBe(-1); // the introduction
    expect(stepBack(-1)).toBe(-1);
  });

  it('resumes at the screen saved on this device while it is one of this exercise', () => {
    expect(resumeAt(1, ids, {})).toBe(1);
    expect(resumeAt(3, ids, {})).toBe(3);
  });

  it('falls back to the first question with nothing chosen when the saved screen is missing or odd', () => {
    const draft = { a: { kind: 'text', text: 'x' }, b: { kind: 'pass' } } as const;
    expect(resumeAt(undefined, ids, draft)).toBe(2);
    expect(resumeAt(7, ids, draft)).toBe(2);
    expect(resumeAt(1.5, ids, draft)).toBe(2);
    expect(resumeAt('2', ids, draft)).toBe(2);
    expect(resumeAt(undefined, ids, { ...draft, c: { kind: 'scale', value: 3 } })).toBe(3);
    expect(resumeAt(undefined, ids, {})).toBe(0);
  });

  it('tells answered, passed and empty questions apart for the review', () => {
    expect(standing({ kind: 'text', text: 'x' }, false)).toBe('answered');
    expect(standing({ kind: 'text', text: 'x' }, true)).toBe('passed');
    expect(standing({ kind: 'pass' }, false)).toBe('passed');
    expect(standing(undefined, false)).toBe('empty');
  });
});
