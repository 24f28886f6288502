import { describe, expect, it } from 'vitest';
import type { PlanDoc, ResponseDoc } from './kinds.ts';
import { AFTER_WINDOW_MS, planView, spacePlans, type MemberLite } from './views.ts';

const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'b0000000-0000-4000-8000-000000000002';
const members: MemberLite[] = [
  { userId: A, name: 'Ari', isMe: true },
  { userId: B, name: 'Bea', isMe: false },
];
const now = Date.parse('2026-05-01T12:00:00Z');
const plan = (over: Partial<PlanDoc> = {}): PlanDoc => ({ id: 'p1', idea: 'date-night-in', at: now + 3_600_000, minutes: 60, tz: 'Europe/Berlin', by: A, cancelled: false, changedBy: A, n: 1, ...over });
const resp = (from: string, over: Partial<ResponseDoc>): [string, ResponseDoc] => [`p1 ${from}`, { plan: 'p1', from, at: now + 3_600_000, answer: 'yes', tz: 'America/New_York', ...over }];

describe('plan answers', () => {
  it('the proposer says yes by proposing; the other has not answered until they do', () => {
    const v = planView(plan(), members, new Map());
    expect(v.answers.map((a) => a.answer)).toEqual(['yes', null]);
    expect(v.agreed).toBe(false);
    expect(planView(plan(), members, new Map([resp(B, {})])).agreed).toBe(true);
  });

  it('a change of time asks again, except of whoever changed it and whoever asked for that time', () => {
    const later = now + 7_200_000;
    const moved = plan({ at: later, changedBy: B, n: 2 });
    // A said yes to the old time: asked again. B changed it: yes.
    expect(planView(moved, members, new Map([resp(A, { at: now + 3_600_000 })])).answers.map((a) => a.answer)).toEqual([null, 'yes']);
    const asked = plan({ at: later, changedBy: A, n: 2 });
    expect(planView(asked, members, new Map([resp(B, { answer: 'other-time', other: later })])).answers.map((a) => a.answer)).toEqual(['yes', 'yes']);
  });

  it('a pass stays a pass, and a plan agreed by those who did not pass counts as agreed', () => {
    const v = planView(plan(), members, new Map([resp(B, { answer: 'pass' })]));
    expect(v.answers[1]!.answer).toBe('pass');
    expect(v.agreed).toBe(true);
  });
});

describe('a place’s plans', () => {
  const input = (plans: PlanDoc[], afterDone = new Set<string>(), responses = new Map([resp(B, {})])) => ({
    members,
    rhythms: [],
    plans,
    responses,
    moments: [],
    energy: [],
    ownIdeas: [],
    afterDone,
  });

  it('coming plans soonest first; cancelled ones gone', () => {
    const v = spacePlans(input([plan({ id: 'p2', at: now + 9e6 }), plan(), plan({ id: 'p3', cancelled: true })]), now);
    expect(v.coming.map((p) => p.id)).toEqual(['p1', 'p2']);
  });

  it('after the time, "How was it?" asks once, for a plan someone else said yes to, for two weeks; never a count of what did not happen', () => {
    const past = plan({ at: now - 2 * 3_600_000 });
    const yes = new Map([resp(B, { at: past.at })]);
    expect(spacePlans(input([past], new Set(), yes), now).howWasIt.map((p) => p.id)).toEqual(['p1']);
    expect(spacePlans(input([past], new Set(['p1']), yes), now).howWasIt).toEqual([]);
    // Nobody else said yes: it simply ends, nothing asks about it.
    expect(spacePlans(input([past], new Set(), new Map()), now).howWasIt).toEqual([]);
    const old = plan({ at: now - AFTER_WINDOW_MS - 4e6 });
    expect(spacePlans(input([old], new Set(), new Map([resp(B, { at: old.at })])), now).howWasIt).toEqual([]);
    expect(Object.keys(spacePlans(input([past]), now))).toEqual(['rhythms', 'coming', 'howWasIt', 'moments', 'energy', 'ownIdeas']);
  });
});
