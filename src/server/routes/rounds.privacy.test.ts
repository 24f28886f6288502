/**
 * The privacy walk of the reveal gate. A round of three participants, with a member of the space
 * who is not in it, a signed-in outsider and an anonymous client watching. At every stage (started;
 * after each answer; revealed; and for other rounds: withdrawn, cancelled by a leave) each of them
 * calls every route that returns rounds or records and reads their event stream, and the raw text
 * of everything they received is searched for every answer's ciphertext and signature (base64url):
 * before the reveal nobody sees another participant's answer; after it, exactly the participants
 * do; after a withdrawal or cancellation nobody ever does, and the answers are gone from the
 * database.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LiveEvent } from '../../shared/api.ts';
import {
  call,
  createCouple,
  createRound,
  createUser,
  leaveSpace,
  send,
  submitAnswer,
  type TestSpace,
  type TestUser,
  withdrawRound,
} from '../../../tests/factories/index.ts';
import { TABLES } from '../db/types.ts';
import { type TestApp, createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';
import { type SseReader, markerEvent, openEvents } from '../testing/sse.ts';

interface Actor {
  name: string;
  user?: TestUser;
  sse?: SseReader;
  events: LiveEvent[];
}

interface WalkRound {
  id: string;
  spaceId: string;
  participants: string[];
  status: 'open' | 'revealed' | 'withdrawn' | 'cancelled';
}

interface Answer {
  round: WalkRound;
  author: string;
  ciphertext: string;
  signature: string;
}

describeEachDatabase('rounds: the privacy walk', (suite) => {
  let t: TestApp;
  let space: TestSpace;
  let p1: TestUser, p2: TestUser, p3: TestUser, member: TestUser, outsider: TestUser;
  let actors: Actor[];
  const members = new Set<string>();
  const rounds: WalkRound[] = [];
  const answers: Answer[] = [];
  const stagesChecked: string[] = [];

  beforeAll(async () => {
    t = createTestApp(suite.db);
    [p1, p2, p3, member, outsider] = [await createUser(t.app), await createUser(t.app), await createUser(t.app), await createUser(t.app), await createUser(t.app)];
    space = await createCouple(t.app, p1, p2, p3, member);
    for (const u of [p1, p2, p3, member]) members.add(u.id);
    const named: Array<[string, TestUser | undefined]> = [
      ['p1', p1],
      ['p2', p2],
      ['p3', p3],
      ['member not in the rounds', member],
      ['outsider', outsider],
      ['anonymous', undefined],
    ];
    actors = [];
    for (const [name, user] of named) {
      const actor: Actor = { name, events: [] };
      if (user) {
        actor.user = user;
        actor.sse = (await openEvents(t.app, user.cookie)).sse;
      }
      actors.push(actor);
    }
  });

  afterAll(async () => {
    for (const actor of actors) await actor.sse?.close();
  });

  /** May `actor` read `answer` now? Only a current member in the round: their own while open, all once revealed. */
  function mayRead(actor: Actor, answer: Answer): boolean {
    const id = actor.user?.id;
    if (!id || !members.has(id) || !answer.round.participants.includes(id)) return false;
    if (answer.round.status === 'revealed') return true;
    return answer.round.status === 'open' && answer.author === id;
  }

  /** Everything the stage sent to `actor`'s stream: all of it arrives before a marker sent after it. */
  async function drain(actor: Actor): Promise<LiveEvent[]> {
    if (!actor.sse || !actor.user) return [];
    const marker = markerEvent();
    await t.notifier.publish([actor.user.id], marker);
    const out = await actor.sse.until(marker);
    actor.events.push(...out);
    return out;
  }

  /** Everything `actor` can get now: every reading route, plus what arrived on their stream. */
  async function observe(stage: string): Promise<void> {
    for (const actor of actors) {
      const as = actor.user;
      const paths = [
        '/api/spaces',
        `/api/spaces/${space.id}`,
        `/api/spaces/${space.id}/records?since=0`,
        `/api/spaces/${space.id}/rounds`,
        ...rounds.map((r) => `/api/spaces/${r.spaceId}/rounds/${r.id}`),
      ];
      const texts: string[] = [];
      const detailTexts = new Map<string, string>();
      for (const path of paths) {
        const res = await send(t.app, 'GET', path, { as });
        expect(res.status, `${stage}: ${actor.name} GET ${path}`).toBeLessThan(500);
        const text = await res.text();
        texts.push(text);
        const round = rounds.find((r) => path.endsWith(`/rounds/${r.id}`));
        if (round) detailTexts.set(round.id, text);
      }
      if (actor.sse) texts.push(JSON.stringify(await drain(actor)));
      else {
        const res = await send(t.app, 'GET', '/api/events');
        expect(res.status).toBe(401);
        texts.push(await res.text());
      }
      const raw = texts.join('\n');
      for (const answer of answers) {
        const label = `${stage}: ${actor.name} and ${answer.author === as?.id ? 'their own' : 'another'} answer in a ${answer.round.status} round`;
        if (mayRead(actor, answer)) {
          const detail = detailTexts.get(answer.round.id) ?? '';
          expect(detail.includes(answer.ciphertext), `${label} (ciphertext shown)`).toBe(true);
          expect(detail.includes(answer.signature), `${label} (signature shown)`).toBe(true);
        } else {
          expect(raw.includes(answer.ciphertext), `${label} (ciphertext hidden)`).toBe(false);
          expect(raw.includes(answer.signature), `${label} (signature hidden)`).toBe(false);
        }
      }
    }
    stagesChecked.push(stage);
  }

  async function start(starter: TestUser, participants: TestUser[]): Promise<WalkRound> {
    const created = await createRound(t.app, starter, space, participants);
    const round: WalkRound = { id: created.id, spaceId: space.id, participants: [starter.id, ...participants.map((p) => p.id)], status: 'open' };
    rounds.push(round);
    return round;
  }

  async function answer(author: TestUser, round: WalkRound): Promise<void> {
    const sent = await submitAnswer(t.app, author, round);
    expect(sent.status).toBe(201);
    answers.push({ round, author: author.id, ciphertext: sent.ciphertext, signature: sent.signature });
    if (sent.body.round.status === 'revealed') round.status = 'revealed';
  }

  /** No row of any table still holds these answers' bytes. */
  async function expectGoneFromDatabase(round: WalkRound): Promise<void> {
    const db = suite.db.database.db;
    const dump: string[] = [];
    for (const table of TABLES) {
      const rows = await db.selectFrom(table).selectAll().execute();
      dump.push(JSON.stringify(rows, (_k, v: unknown) => (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' ? Buffer.from((v as { data: number[] }).data).toString('base64url') : v)));
    }
    const all = dump.join('\n');
    const mine = answers.filter((a) => a.round === round);
    expect(mine.length).toBeGreaterThan(0);
    for (const a of mine) {
      expect(all.includes(a.ciphertext)).toBe(false);
      expect(all.includes(a.signature)).toBe(false);
    }
  }

  it('before the reveal nobody sees another answer; after it exactly the participants see them all', async () => {
    const round = await start(p1, [p2, p3]);
    await observe('created');
    await answer(p2, round);
    await observe('after the 1st answer');
    await answer(p1, round);
    await observe('after the 2nd answer');
    expect(round.status).toBe('open');
    await answer(p3, round);
    expect(round.status).toBe('revealed');
    await observe('revealed');
  });

  it('a withdrawn round shows no answer to anyone, ever, and keeps none', async () => {
    const round = await start(p2, [p1, p3]);
    await observe('withdrawal: created');
    await answer(p1, round);
    await answer(p3, round);
    await observe('withdrawal: two answers in');
    expect((await withdrawRound(t.app, p2, round)).status).toBe(200);
    round.status = 'withdrawn';
    await observe('withdrawn');
    await expectGoneFromDatabase(round);
  });

  it('a round cancelled by a leave shows no answer to anyone, ever, and keeps none', async () => {
    const round = await start(p3, [p1, p2]);
    await answer(p1, round);
    await answer(p2, round);
    await observe('cancellation: two answers in');
    expect((await leaveSpace(t.app, p3, space.id)).status).toBe(204);
    members.delete(p3.id);
    round.status = 'cancelled';
    const detail = await call(t.app, 'GET', `/api/spaces/${space.id}/rounds/${round.id}`, { as: p1 });
    expect(detail.body.round).toMatchObject({ status: 'cancelled', cancelReason: 'participant-left' });
    await observe('cancelled by a leave');
    await expectGoneFromDatabase(round);
  });

  it('walked every stage; round events reached the participants only', () => {
    expect(stagesChecked).toEqual([
      'created',
      'after the 1st answer',
      'after the 2nd answer',
      'revealed',
      'withdrawal: created',
      'withdrawal: two answers in',
      'withdrawn',
      'cancellation: two answers in',
      'cancelled by a leave',
    ]);
    const roundEvents = (name: string) => actors.find((a) => a.name === name)!.events.filter((e) => e.type === 'rounds');
    for (const name of ['p1', 'p2', 'p3']) expect(roundEvents(name).length, name).toBeGreaterThan(0);
    expect(roundEvents('member not in the rounds')).toEqual([]);
    expect(roundEvents('outsider')).toEqual([]);
    expect(actors.find((a) => a.name === 'outsider')!.events).toEqual([]);
  });
});
