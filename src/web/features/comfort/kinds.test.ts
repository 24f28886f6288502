import { beforeAll, describe, expect, it } from 'vitest';
import { registerKinds } from '../../sync/kinds.ts';
import { apply, decoded, PERSONAL, SHARED, spaceOf } from '../../sync/testing.ts';
import { comfortDocs, comfortKinds } from './kinds.ts';

beforeAll(() => registerKinds(...comfortKinds));

const ME = '01890000-0000-7000-8000-0000000000a1';
const RUN = '01890000-0000-7000-8000-0000000000e1';
const SCALAR = 'A'.repeat(43);
const secret = { k: 'comfort-run-secret', v: 1, n: 1, runId: RUN, scalar: SCALAR, labels: ['holding-hands\u0000open', null, 'holding-hands\u0000yes', null] };

describe('a run’s secret, kept in my personal place', () => {
  it('round-trips, one document per run, every version’s id kept for deleting', () => {
    const { v: _v, ...fields } = secret;
    expect(decoded(secret)).toEqual(fields);
    const state = spaceOf(PERSONAL);
    apply(state, secret, { authorId: ME, id: '01890000-0000-7000-8000-0000000000f1' });
    apply(state, { ...secret, n: 2 }, { authorId: ME, id: '01890000-0000-7000-8000-0000000000f2' });
    expect(comfortDocs(state).secrets.get(RUN)).toEqual({ runId: RUN, scalar: SCALAR, labels: secret.labels, ids: ['01890000-0000-7000-8000-0000000000f1', '01890000-0000-7000-8000-0000000000f2'] });
  });

  it('refuses what is not a scalar and element labels, and lives nowhere but my personal place', () => {
    for (const raw of [
      { ...secret, scalar: 'A'.repeat(42) },
      { ...secret, labels: ['holding-hands\u0000maybe'] },
      { ...secret, labels: ['Holding hands\u0000open', null] },
      { ...secret, labels: [] },
      { ...secret, runId: 'run' },
    ]) {
      expect(decoded(raw), JSON.stringify(raw).slice(0, 80)).toBeNull();
    }
    const shared = spaceOf(SHARED);
    apply(shared, secret, { authorId: ME });
    expect(comfortDocs(shared).secrets.size).toBe(0);
  });
});
