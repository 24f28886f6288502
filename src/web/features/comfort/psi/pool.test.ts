import { describe, expect, it } from 'vitest';
import { psiBlind, psiPlan, psiRaise, randomPsiScalar } from '../../../../crypto/psi.ts';
import { hex } from '../../../../crypto/test-utils.ts';
import { blindInWorkers, raiseInWorkers, ranges, workerCount } from './pool.ts';

describe('the match workers', () => {
  it('one worker per core but the main thread’s, between one and four', () => {
    expect([undefined, 1, 2, 3, 4, 8, 16].map(workerCount)).toEqual([1, 1, 1, 2, 3, 4, 4]);
  });

  it('cuts the slots into contiguous ranges that cover each slot once', () => {
    for (const [count, parts] of [[240, 4], [240, 3], [7, 4], [2, 4], [1, 1]] as const) {
      const cut = ranges(count, parts);
      expect(cut[0]![0]).toBe(0);
      expect(cut[cut.length - 1]![1]).toBe(count);
      cut.slice(1).forEach(([start], i) => expect(start).toBe(cut[i]![1]));
      expect(cut.length).toBeLessThanOrEqual(parts);
    }
  });

  it('without Worker (Node), runs the same jobs in place: the same points as the steps themselves', async () => {
    const run = { spaceId: 'space', runId: 'run', userIds: ['a', 'b'] as [string, string] };
    const labels = psiPlan({ 'item-1': 'yes', 'item-2': 'maybe' }, 8);
    const scalar = randomPsiScalar();
    const mine = await blindInWorkers(run, labels, scalar);
    const direct = psiBlind(run, labels, scalar);
    labels.forEach((label, i) => {
      if (label !== null) expect(hex(mine.subarray(i * 32, i * 32 + 32))).toBe(hex(direct.subarray(i * 32, i * 32 + 32)));
    });
    const other = randomPsiScalar();
    expect(hex(await raiseInWorkers(mine, other))).toBe(hex(psiRaise(mine, other)));
  });
});
