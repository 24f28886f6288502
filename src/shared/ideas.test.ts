import { describe, expect, it } from 'vitest';
import { IDEAS, IDEA_FILES } from '../../content/ideas.ts';
import { ENERGY_LEVELS, IDEA_PLACES, IDEA_RHYTHMS, ideasAsBundled, lintIdeas, parseIdeas } from './ideas.ts';

describe('ideas for time together', () => {
  it('has at least 80 ideas, each id once, and reads without pressure words', () => {
    expect(IDEAS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(IDEAS.map((i) => i.id)).size).toBe(IDEAS.length);
    expect(lintIdeas(IDEAS)).toEqual([]);
  });

  it('covers every rhythm, every energy level (a hospital stay and a bad day too) and every place', () => {
    for (const r of IDEA_RHYTHMS) expect(IDEAS.filter((i) => i.rhythms.includes(r)).length, r).toBeGreaterThanOrEqual(8);
    for (const e of ENERGY_LEVELS) expect(IDEAS.filter((i) => i.energy.includes(e)).length, e).toBeGreaterThanOrEqual(8);
    for (const p of IDEA_PLACES) expect(IDEAS.filter((i) => i.places.includes(p)).length, p).toBeGreaterThanOrEqual(8);
  });

  it('parses to exactly what is bundled (the browser takes it as it is)', () => {
    expect(parseIdeas(IDEA_FILES)).toEqual(ideasAsBundled(IDEA_FILES));
  });

  it('refuses a repeated id, an unknown tag and too few ideas', () => {
    const [first] = IDEAS;
    const file = (ideas: unknown[]) => ({ files: [{ file: 'x.json', data: { rhythm: 'daily', ideas } }] });
    expect(() => parseIdeas(file([first, first]))).toThrow(/reuses the idea id/);
    expect(() => parseIdeas(file([{ ...first, energy: ['tired'] }]))).toThrow(/x\.json is invalid/);
    expect(() => parseIdeas(file([first]))).toThrow(/only 1 ideas/);
  });

  it('the lint notices a pressure word (the check can fail)', () => {
    expect(lintIdeas([{ ...IDEAS[0]!, text: 'You must do this.' }])).toHaveLength(1);
  });
});
