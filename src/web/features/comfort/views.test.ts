import { describe, expect, it } from 'vitest';
import type { ComfortRunSummary } from '../../../shared/api.ts';
import { COMFORT_RUN_WAIT_MS } from '../../../shared/limits.ts';
import { matchableAnswers, matchedInOrder, nextStartAt, runStep, toRunView } from './views.ts';

const A = '0190a1b2-0000-7000-8000-00000000000a';
const B = '0190a1b2-0000-7000-8000-00000000000b';
const run = (posted: Record<string, number[]>, status: ComfortRunSummary['status'] = 'open'): ComfortRunSummary => ({
  id: '0190a1b2-0000-7000-8000-0000000000e1',
  spaceId: '0190a1b2-0000-7000-8000-000000000001',
  createdBy: A,
  participants: [A, B].map((userId) => ({ userId, posted: posted[userId] ?? [] })),
  slots: 8,
  status,
  createdAt: 1000,
  expiresAt: 2000,
  closedAt: null,
  released: [],
});

describe('comfort views', () => {
  it('says where a run stands for each side', () => {
    expect(runStep(run({ [A]: [1] }), B)).toBe('invited');
    expect(runStep(run({ [A]: [1] }), A)).toBe('waiting-partner');
    expect(runStep(run({ [A]: [1], [B]: [1] }), A)).toBe('exchanging');
    expect(runStep(run({ [A]: [1, 2], [B]: [1, 2] }, 'done'), B)).toBe('done');
    expect(runStep(run({ [A]: [1] }, 'declined'), A)).toBe('closed');
    expect(toRunView(run({}), A)).toMatchObject({ partnerId: B, startedByMe: true });
  });

  it('matches only items of the catalog, and nothing of a hidden group', () => {
    const items = [
      { id: 'hold-hands', groupId: 'near' },
      { id: 'massage', groupId: 'touch' },
    ];
    expect(matchableAnswers({ answers: { 'hold-hands': 'yes', massage: 'maybe', gone: 'yes' }, hiddenGroups: ['touch'] }, items)).toEqual({ 'hold-hands': 'yes' });
  });

  it('lists a result in catalog order, and knows when the pair may match again', () => {
    const match = { id: 'r', spaceId: 's', partnerId: B, runId: 'x', at: 1, items: { b: 'open' as const, a: 'both-yes' as const } };
    expect(matchedInOrder(match, [{ id: 'a' }, { id: 'c' }, { id: 'b' }])).toEqual([
      { id: 'a', outcome: 'both-yes' },
      { id: 'b', outcome: 'open' },
    ]);
    const view = toRunView(run({}), A);
    expect(nextStartAt([view], B, 1000)).toBe(1000 + COMFORT_RUN_WAIT_MS);
    expect(nextStartAt([view], B, 1000 + COMFORT_RUN_WAIT_MS)).toBeNull();
  });
});
