import { describe, expect, it } from 'vitest';
import { IDEAS } from '../../../../content/ideas.ts';
import { sharedEnergy, suggestIdea, ENERGY_FRESH_MS } from './suggest.ts';

const now = Date.parse('2026-05-01T12:00:00Z');
const e = (from: string, level: 'hospital' | 'bad-day' | 'low' | 'some' | 'plenty', ago = 0) => ({ from, level, at: now - ago, tz: 'UTC' });

describe('suggestions for a coming slot', () => {
  it('the lowest fresh energy of anyone in the place sets the pace; old ones do not count', () => {
    expect(sharedEnergy([e('a', 'plenty'), e('b', 'bad-day')], now)).toBe('bad-day');
    expect(sharedEnergy([e('a', 'plenty'), e('b', 'hospital', ENERGY_FRESH_MS + 1)], now)).toBe('plenty');
    expect(sharedEnergy([], now)).toBeNull();
  });

  it('matches the rhythm, and the energy when shared', () => {
    for (const seed of ['r1 1', 'r1 2', 'r2 3', 'r3 4']) {
      const weekly = suggestIdea(IDEAS, { rhythm: 'weekly', energy: null, seed })!;
      expect(weekly.rhythms).toContain('weekly');
      const soft = suggestIdea(IDEAS, { rhythm: 'weekly', energy: 'bad-day', seed })!;
      expect(soft.rhythms).toContain('weekly');
      expect(soft.energy).toContain('bad-day');
      const ward = suggestIdea(IDEAS, { rhythm: 'monthly', energy: 'hospital', seed })!;
      expect(ward.energy).toContain('hospital');
    }
  });

  it('is the same for the same slot on every device, differs across slots, and avoids what is planned', () => {
    const a = suggestIdea(IDEAS, { rhythm: 'weekly', energy: 'some', seed: 'r 100' })!;
    expect(suggestIdea(IDEAS, { rhythm: 'weekly', energy: 'some', seed: 'r 100' })!.id).toBe(a.id);
    const picks = new Set(Array.from({ length: 12 }, (_, i) => suggestIdea(IDEAS, { rhythm: 'weekly', energy: 'some', seed: `r ${i}` })!.id));
    expect(picks.size).toBeGreaterThan(3);
    expect(suggestIdea(IDEAS, { rhythm: 'weekly', energy: 'some', seed: 'r 100', avoid: new Set([a.id]) })!.id).not.toBe(a.id);
  });

  it('falls back to an idea for any time when no idea of the rhythm suits the energy', () => {
    const onlyWeekly = IDEAS.filter((i) => i.rhythms.includes('morning') && !i.energy.includes('hospital'));
    const pick = suggestIdea([...onlyWeekly, ...IDEAS.filter((i) => i.id === 'rest-together-no-plans')], { rhythm: 'morning', energy: 'bad-day', seed: 'x' });
    expect(pick?.energy).toContain('bad-day');
  });
});
