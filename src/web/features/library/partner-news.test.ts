import { describe, expect, it } from 'vitest';
import { LIBRARY, getProgram } from '../../../../content/library.ts';
import { PARTNER_NEWS_MS, partnerNews } from './partner-news.ts';
import type { PartnerActivity } from './store.ts';

const scary = getProgram('closeness-feels-scary')!;
const illness = getProgram('chronic-illness')!;
const NOW = Date.UTC(2026, 10, 20, 19);
const HOUR = 3_600_000;

const activity = (over: Partial<PartnerActivity>): PartnerActivity => ({
  userId: 'sam',
  name: 'Sam',
  programId: scary.id,
  status: 'active',
  startedAt: 0,
  done: [],
  ...over,
});

const lines = (a: PartnerActivity[], now = NOW) => partnerNews(a, LIBRARY.programs, now).map((n) => [n.name, n.program.id, n.what, n.step]);

describe('partners’ program news on Today', () => {
  it('says a partner started a program, while it is recent and active', () => {
    expect(lines([activity({ startedAt: NOW - HOUR })])).toEqual([['Sam', scary.id, 'started', 0]]);
    expect(lines([activity({ startedAt: NOW - PARTNER_NEWS_MS })])).toEqual([]);
    expect(lines([activity({ startedAt: NOW - HOUR, status: 'paused' })])).toEqual([]);
  });

  it('says which step a partner finished (its place in the program), the newest one only', () => {
    const [s1, s2, s3] = scary.steps;
    const a = activity({
      startedAt: NOW - 2 * HOUR,
      done: [
        { stepId: s1!.id, at: NOW - 90 * 60_000 },
        { stepId: s3!.id, at: NOW - HOUR },
        { stepId: s2!.id, at: NOW - 10 * PARTNER_NEWS_MS },
      ],
    });
    expect(lines([a])).toEqual([['Sam', scary.id, 'finished', 3]]);
  });

  it('steps shared at one moment (sharing turned on): the furthest step, not "started"', () => {
    const at = NOW - HOUR;
    const a = activity({ startedAt: at, done: scary.steps.slice(0, 2).map((s) => ({ stepId: s.id, at })) });
    expect(lines([a])).toEqual([['Sam', scary.id, 'finished', 2]]);
  });

  it('old news, unknown programs and steps are left out; newest first, a few lines at most', () => {
    const news = [
      activity({ programId: 'gone-program', startedAt: NOW - HOUR }),
      activity({ done: [{ stepId: 'gone-step', at: NOW - HOUR }] }),
      activity({ userId: 'kit', name: 'Kit', startedAt: NOW - 3 * HOUR }),
      activity({ userId: 'kit', name: 'Kit', programId: illness.id, startedAt: NOW - HOUR }),
      activity({ userId: 'pat', name: 'Pat', startedAt: NOW - 2 * HOUR }),
      activity({ userId: 'lee', name: 'Lee', startedAt: NOW - 4 * HOUR }),
    ];
    expect(lines(news)).toEqual([
      ['Kit', illness.id, 'started', 0],
      ['Pat', scary.id, 'started', 0],
      ['Kit', scary.id, 'started', 0],
    ]);
  });
});
