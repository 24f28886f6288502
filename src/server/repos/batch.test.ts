import { describe, expect, it } from 'vitest';
import { createBatcher } from './batch.ts';

/** A batcher whose batches are recorded and answered by `answer` once `release` is called. */
function recording(options: Parameters<typeof createBatcher>[1], answer = (n: number) => n * 10) {
  const batches: number[][] = [];
  const waiting: Array<() => void> = [];
  const call = createBatcher<number, number>(
    (items) =>
      new Promise((resolve) => {
        batches.push(items);
        waiting.push(() => resolve(items.map(answer)));
      }),
    options,
  );
  const release = () => waiting.splice(0).forEach((go) => go());
  return { call, batches, release };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('createBatcher', () => {
  it('sends an idle caller at once, and gathers those who come while a batch is out', async () => {
    const { call, batches, release } = recording({ maxBatch: 10, maxInFlight: 1 });
    const first = call(1);
    const rest = [call(2), call(3), call(4)];
    expect(batches).toEqual([[1]]);
    release();
    expect(await first).toBe(10);
    await turn();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('with gatherTurn, waits one turn of the event loop so callers of the same turn share the first batch', async () => {
    const { call, batches, release } = recording({ maxBatch: 10, maxInFlight: 1, gatherTurn: true });
    const all = [call(1), call(2), call(3)];
    expect(batches).toEqual([]);
    await turn();
    expect(batches).toEqual([[1, 2, 3]]);
    release();
    expect(await Promise.all(all)).toEqual([10, 20, 30]);
  });

  it('keeps batches at maxBatch and at most maxInFlight out at once', async () => {
    const { call, batches, release } = recording({ maxBatch: 2, maxInFlight: 2, gatherTurn: true });
    const all = [1, 2, 3, 4, 5].map((n) => call(n));
    await turn();
    expect(batches).toEqual([[1, 2], [3, 4]]);
    release();
    await Promise.all(all.slice(0, 4));
    await turn();
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    release();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
  });

  it('rejects every caller of a batch that fails, and goes on with the next', async () => {
    let fail = true;
    const call = createBatcher<number, number>(
      async (items) => {
        if (fail) throw new Error('disk');
        return items;
      },
      { maxBatch: 10, maxInFlight: 1, gatherTurn: true },
    );
    const failed = [call(1), call(2)].map((p) => p.then(() => 'stored', (e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(['disk', 'disk']);
    fail = false;
    expect(await call(3)).toBe(3);
  });
});
