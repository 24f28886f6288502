import { describe, expect, it } from 'vitest';
import type { BadDayDoc, BadDayReplyDoc, LineDoc } from './kinds.ts';
import { ask, next, type Turn } from './machine.ts';
import { BAD_DAY_FRESH_MS, listeningView, ownLeftovers, type SpaceInput } from './views.ts';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const T = '01900000-0000-7000-8000-000000000001';
const NOW = Date.parse('2026-03-01T18:00:00Z');
const members = [
  { userId: A, name: 'Ari', isMe: true, active: true },
  { userId: B, name: 'Bea', isMe: false, active: true },
];
const space = (patch: Partial<SpaceInput>): SpaceInput => ({ spaceId: 's', spaceName: 'Home', members, turns: [], lines: [], summaries: [], badDays: [], replies: [], ...patch });
const share = (id: string, from: string, at: number, line?: string): BadDayDoc => ({ id, from, help: ['company'], at, ...(line ? { line } : {}) });
const line = (id: string, from: string, round: 0 | 1, turn = T): LineDoc => ({ id, from, turn, round, role: 'speaker', text: id, at: NOW });
const turnOf = (): Turn => (next(ask({ id: T, by: A, with: B, topic: 'repair', mode: 'typed', device: 'each' }, NOW), { type: 'accept' }, B, NOW) as { turn: Turn }).turn;
const ended = (): Turn => ({ ...turnOf(), phase: 'ended', ending: 'done', kept: false });

describe('bad-day shares: no history, no counts', () => {
  it('only the latest share of each person shows, for a day', () => {
    const view = listeningView([space({ badDays: [share('b1', B, NOW - 3_600_000, 'old'), share('b2', B, NOW - 60_000, 'rough one')] })], A, NOW);
    expect(view.incoming.map((i) => [i.id, i.name, i.line])).toEqual([['b2', 'Bea', 'rough one']]);
    expect(listeningView([space({ badDays: [share('b2', B, NOW - BAD_DAY_FRESH_MS)] })], A, NOW).incoming).toEqual([]);
  });

  it('my share shows to me with the replies to it, one per person (the latest)', () => {
    const replies: BadDayReplyDoc[] = [
      { id: 'r1', from: B, to: A, share: 'm1', reply: 'here', at: NOW - 2000 },
      { id: 'r2', from: B, to: A, share: 'm1', words: 'Soup later?', at: NOW - 1000 },
      { id: 'r0', from: B, to: A, share: 'gone', reply: 'hug', at: NOW - 1000 },
    ];
    const view = listeningView([space({ badDays: [share('m1', A, NOW - 5000)], replies })], A, NOW);
    expect(view.mine['s']?.id).toBe('m1');
    expect(view.replies.map((r) => [r.id, r.words])).toEqual([['r2', 'Soup later?']]);
    expect(view.incoming).toEqual([]);
  });

  it('a share I answered says so', () => {
    const view = listeningView([space({ badDays: [share('b2', B, NOW - 1000)], replies: [{ id: 'r', from: A, to: B, share: 'b2', reply: 'here', at: NOW }] })], A, NOW);
    expect(view.incoming[0]?.answered).toBe(true);
  });
});

describe('turns in view', () => {
  it('shows the typed pieces of the round in progress only, and not an ended turn', () => {
    const view = listeningView([space({ turns: [turnOf()], lines: [line('l0', A, 0), line('l1', B, 1), line('lx', A, 0, 'other')] })], A, NOW);
    expect(view.turns[0]).toMatchObject({ otherName: 'Bea', speakerName: 'Ari', listenerName: 'Bea', iSpeak: true });
    expect(view.turns[0]?.lines.map((l) => l.id)).toEqual(['l0']);
    expect(listeningView([space({ turns: [ended()] })], A, NOW).turns).toEqual([]);
  });
});

describe('what each device deletes of its own', () => {
  it('typed lines and old turn versions of an ended turn (the version in force stays); replaced or old shares; replies to shares gone', () => {
    const ids = ownLeftovers(
      {
        turns: [ended()],
        versions: new Map([[T, new Map([['v1', A], ['v2', B], ['v3', A]])]]),
        inForce: new Map([[T, 'v3']]),
        lines: [line('mine', A, 0), line('theirs', B, 0)],
        badDays: [share('old', A, NOW - 10_000), share('new', A, NOW - 1000), share('hers', B, NOW - BAD_DAY_FRESH_MS - 1)],
        replies: [
          { id: 'r-stale', from: A, to: B, share: 'hers', reply: 'here', at: NOW - 5 },
          { id: 'r-theirs', from: B, to: A, share: 'gone', reply: 'here', at: NOW - 5 },
        ],
      },
      A,
      NOW,
    );
    expect(ids.sort()).toEqual(['mine', 'old', 'r-stale', 'v1']);
  });

  it('keeps everything while the turn goes on', () => {
    expect(ownLeftovers({ turns: [turnOf()], versions: new Map([[T, new Map([['v1', A]])]]), inForce: new Map([[T, 'v1']]), lines: [line('mine', A, 0)], badDays: [], replies: [] }, A, NOW)).toEqual([]);
  });
});
