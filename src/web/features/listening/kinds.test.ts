import { beforeAll, describe, expect, it } from 'vitest';
import { registerKinds } from '../../sync/kinds.ts';
import { apply, SHARED, spaceOf } from '../../sync/testing.ts';
import { listeningDocs, listeningKinds } from './kinds.ts';
import { ask, next, type Turn, type TurnEvent } from './machine.ts';

beforeAll(() => registerKinds(...listeningKinds));

// B's id is the higher: a tie between plain versions goes to B.
const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const NOW = Date.parse('2026-03-01T18:00:00Z');

function step(turn: Turn, event: TurnEvent, actor: string): Turn {
  const out = next(turn, event, actor, NOW);
  if (!out.ok) throw new Error(out.reason);
  return out.turn;
}

describe('a turn written by both at once', () => {
  it('"let go" by one and "keep" by the other, each before seeing the other’s: the talk ends, in any order', () => {
    let turn = ask({ id: '01900000-0000-7000-8000-000000000001', by: A, with: B, topic: 'stress', mode: 'typed', device: 'each' }, NOW);
    turn = step(step(turn, { type: 'accept' }, B), { type: 'stop' }, B);
    const letGo = step(turn, { type: 'keep', keep: false }, A);
    const keep = step(turn, { type: 'keep', keep: true }, B);
    // Both versions are one past the closing one they each saw (n 4 here).
    const record = (body: Turn) => ({ k: 'listening-turn', v: 1, n: 4, ...body });
    for (const order of [
      [
        [letGo, A],
        [keep, B],
      ],
      [
        [keep, B],
        [letGo, A],
      ],
    ] as [Turn, string][][]) {
      const state = spaceOf(SHARED);
      for (const [body, author] of order) apply(state, record(body), { authorId: author });
      expect(listeningDocs(state).turns.get(turn.id)).toMatchObject({ phase: 'ended', kept: false });
    }
  });
});
