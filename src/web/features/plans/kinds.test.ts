import { beforeAll, describe, expect, it } from 'vitest';
import { registerKinds } from '../../sync/kinds.ts';
import { apply, decoded, PERSONAL, SHARED, spaceOf } from '../../sync/testing.ts';
import { plansDocs, plansKinds } from './kinds.ts';

beforeAll(() => registerKinds(...plansKinds));

const SAM = '01890000-0000-7000-8000-0000000000a1';
const KIT = '01890000-0000-7000-8000-0000000000a2';
const PLAN = '01890000-0000-7000-8000-0000000000b1';
const RHYTHM = '01890000-0000-7000-8000-0000000000c1';
const at = Date.UTC(2026, 4, 2, 17);

const plan = (over: Record<string, unknown> = {}) => ({ k: 'plan', v: 1, n: 1, plan: PLAN, idea: 'date-night-in', at, minutes: 120, tz: 'Europe/Berlin', by: SAM, cancelled: false, ...over });
const rhythm = (over: Record<string, unknown> = {}) => ({
  k: 'plans-rhythm', v: 1, n: 1, rhythm: RHYTHM, kind: 'weekly', every: 'week', weekday: 6, time: '19:00', tz: 'Europe/Berlin', minutes: 120, start: '2026-05-02', ended: false, ...over,
});

describe('plans records', () => {
  it('round-trip a rhythm, a plan (an idea or our own words), an answer, a moment, energy, a favourite, our own idea, "How was it?"', () => {
    for (const raw of [
      rhythm(),
      plan(),
      plan({ idea: undefined, title: 'Picnic by the lake', bring: 'A blanket' }),
      { k: 'plan-response', v: 1, n: 1, plan: PLAN, at, answer: 'other-time', other: at + 3_600_000, tz: 'America/New_York' },
      { k: 'moment', v: 1, text: 'We held hands in the waiting room', at, step: true, feeling: 'tender' },
      { k: 'plans-energy', v: 1, n: 1, level: 'bad-day', at, tz: 'UTC' },
      { k: 'idea-favourite', v: 1, n: 1, idea: 'date-night-in', on: true },
      { k: 'own-idea', v: 1, n: 1, idea: PLAN, title: 'Our café', rhythm: 'weekly', energy: 'low', place: 'out', removed: false },
      { k: 'plan-after', v: 1, n: 1, space: SHARED.id, plan: PLAN, feeling: 'warm', words: 'Lovely', skipped: false },
    ]) {
      const clean = Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== 'v' && v !== undefined));
      expect(decoded(JSON.parse(JSON.stringify(raw))), raw.k).toEqual(clean);
    }
  });

  it('refuse a bad zone, time, weekday, answer, both an idea and a title (or neither), a long text', () => {
    for (const raw of [
      rhythm({ tz: '+01:00' }),
      rhythm({ tz: 'Mars/Olympus' }),
      rhythm({ time: '25:00' }),
      rhythm({ weekday: 8 }),
      rhythm({ every: 'hourly' }),
      plan({ title: 'Both' }),
      plan({ idea: undefined }),
      plan({ at: -5 }),
      plan({ minutes: 2 }),
      plan({ idea: 'Not An Id' }),
      { k: 'plan-response', v: 1, n: 1, plan: PLAN, at, answer: 'maybe', tz: 'UTC' },
      { k: 'moment', v: 1, text: 'x'.repeat(501), at, step: false },
      { k: 'moment', v: 1, text: '   ', at, step: false },
      { k: 'moment', v: 1, n: 1, text: 'a', at, step: false },
    ]) {
      expect(decoded(raw), JSON.stringify(raw).slice(0, 80)).toBeNull();
    }
  });

  it('a plan changes by versions: the newest wins, whoever wrote it; cancelled stays as a version', () => {
    const state = spaceOf(SHARED);
    apply(state, plan(), { authorId: SAM });
    apply(state, plan({ n: 3, at: at + 3_600_000, cancelled: true }), { authorId: KIT });
    apply(state, plan({ n: 2, at: at + 7_200_000 }), { authorId: SAM });
    expect(plansDocs(state).plans.get(PLAN)).toMatchObject({ at: at + 3_600_000, cancelled: true, changedBy: KIT, by: SAM, n: 3 });
  });

  it('each member has their own answer and energy; "How was it?" and favourites live only in the personal space', () => {
    const state = spaceOf(SHARED);
    apply(state, { k: 'plan-response', v: 1, n: 1, plan: PLAN, at, answer: 'yes', tz: 'UTC' }, { authorId: SAM });
    apply(state, { k: 'plan-response', v: 1, n: 1, plan: PLAN, at, answer: 'pass', tz: 'UTC' }, { authorId: KIT });
    apply(state, { k: 'plans-energy', v: 1, n: 1, level: 'low', at, tz: 'UTC' }, { authorId: KIT });
    apply(state, { k: 'plan-after', v: 1, n: 1, space: SHARED.id, plan: PLAN, skipped: true }, { authorId: SAM });
    apply(state, { k: 'idea-favourite', v: 1, n: 1, idea: 'date-night-in', on: true }, { authorId: SAM });
    const docs = plansDocs(state);
    expect([...docs.responses.values()].map((r) => [r.from, r.answer])).toEqual([[SAM, 'yes'], [KIT, 'pass']]);
    expect(docs.energy.get(KIT)?.level).toBe('low');
    expect(docs.after.size).toBe(0);
    expect(docs.favourites.size).toBe(0);

    const mine = spaceOf(PERSONAL);
    apply(mine, { k: 'plan-after', v: 1, n: 1, space: SHARED.id, plan: PLAN, skipped: true }, { authorId: SAM });
    apply(mine, { k: 'idea-favourite', v: 1, n: 1, idea: 'date-night-in', on: true }, { authorId: SAM });
    apply(mine, { k: 'idea-favourite', v: 1, n: 2, idea: 'date-night-in', on: false }, { authorId: SAM });
    expect(plansDocs(mine).after.get(PLAN)?.skipped).toBe(true);
    expect(plansDocs(mine).favourites.size).toBe(0);
  });

  it('an ended rhythm leaves; moments are kept by record id with their author', () => {
    const state = spaceOf(SHARED);
    apply(state, rhythm(), { authorId: SAM });
    expect(plansDocs(state).rhythms.get(RHYTHM)).toMatchObject({ every: 'week', weekday: 6, by: SAM });
    apply(state, rhythm({ n: 2, ended: true }), { authorId: KIT });
    expect(plansDocs(state).rhythms.size).toBe(0);
    apply(state, { k: 'moment', v: 1, text: 'A first walk', at, step: true }, { authorId: KIT, id: PLAN });
    expect(plansDocs(state).moments.get(PLAN)).toEqual({ id: PLAN, from: KIT, text: 'A first walk', at, step: true });
  });
});
