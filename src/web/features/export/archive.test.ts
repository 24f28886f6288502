/**
 * The encrypted archive end to end, on a real server: Alex's records of every kind that can live
 * in Just me go through readableSpaces -> format 1 -> the passphrase envelope -> a new account's
 * import plan -> that account's Just me, and come back out of a fresh device of the new account
 * equal, kind by kind. Deleted records and older versions stay behind; in a shared place only
 * Alex's own single entries are offered; a changed byte and a wrong passphrase are refused; and
 * the committed archive of format 1 (tests/fixtures/export) still opens and imports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { deriveArchiveKey, newArchiveHeader, openArchive, readArchiveHeader, sealArchive } from '../../../crypto/archive.ts';
import { createUser, type TestUser } from '../../../../tests/factories/index.ts';
import { createSpaceWithKeys } from '../../../../tests/factories/keyed-spaces.ts';
import { startClient, type TestClient } from '../../../../tests/factories/sync-clients.ts';
import { createTestApp } from '../../../server/testing/app.ts';
import { describeEachDatabase } from '../../../server/testing/databases.ts';
import { ALL_KINDS, registerAllKinds } from '../../app/kinds.ts';
import { placementAllows, registeredKind } from '../../sync/kinds.ts';
import { readableSpaces } from '../../sync/readable.ts';
import { buildArchive, decodeArchive, encodeArchive, planImport, presentIn, type ArchiveV1 } from './archive-format.ts';

const FIXTURE = resolve(import.meta.dirname, '../../../../tests/fixtures/export/archive-v1.innermost');
const FIXTURE_PASSPHRASE = 'willow lantern harbour 1';
const AT = 1_767_000_000_000;
const ROUND = '01890000-0000-7000-8000-0000000000d1';
const PLAN = '01890000-0000-7000-8000-0000000000e1';

/** One valid body of every kind that can live in Just me (the test fails when a new kind has none). */
function samples(personalId: string, sharedId: string): Record<string, Record<string, unknown>> {
  return {
    profile: { displayName: 'Alex', pronouns: 'they/them' },
    checkin: { checkin: { v: 1, at: AT, tz: 'Europe/Berlin', emotional: 6, physical: 4, energy: 5, note: 'A slow, kind morning' } },
    'checkin-settings': { health: true, shareWith: [sharedId] },
    reflection: { exerciseId: 'appreciations', answers: { 'glad-when': { kind: 'text', text: 'we walked by the river' } } },
    'daily-settings': { depth: 'deeper' },
    'daily-answer': { spaceId: personalId, day: '2026-01-02', exerciseId: 'daily-light-01', text: 'Your laugh at breakfast' },
    'comfort-answers': { answers: { 'hold-hands': 'yes', 'long-hug': 'maybe' }, hiddenGroups: [] },
    'comfort-match': { spaceId: sharedId, partnerId: ROUND, runId: PLAN, at: AT, items: { 'hold-hands': 'both-yes' } },
    'program-step': { programId: 'gentle-start', stepId: 'first-walk', done: true },
    'program-state': { programId: 'gentle-start', status: 'active' },
    keep: { what: 'favourite', ref: 'emotional/e-light-01', kept: true },
    onboarding: { reasonId: 'after-illness' },
    assessment: { scores: { emotional: { now: 4, matters: 9 } } },
    'progress-sharing': { shareWith: [] },
    'thinking-of-you-seen': { spaceId: sharedId, userId: ROUND, what: 'notice', record: PLAN },
    'plans-rhythm': { rhythm: PLAN, kind: 'weekly', every: 'week', weekday: 6, time: '19:00', tz: 'Europe/Berlin', minutes: 120, start: '2026-05-02', ended: false },
    plan: { plan: PLAN, idea: 'date-night-in', at: AT, minutes: 120, tz: 'Europe/Berlin', by: ROUND, cancelled: false },
    'plan-after': { space: sharedId, plan: PLAN, feeling: 'warm', words: 'Lovely', skipped: false },
    moment: { text: 'We held hands in the waiting room', at: AT, step: true, feeling: 'tender' },
    'idea-favourite': { idea: 'date-night-in', on: true },
    'own-idea': { idea: PLAN, title: 'Our café', rhythm: 'weekly', energy: 'low', place: 'out', removed: false },
    'care-note': { sheet: 'after-cancer', text: 'Ask about tiredness after treatment' },
  };
}

const withoutVersion = ({ n: _n, ...rest }: Record<string, unknown>) => rest;

let devices: TestClient[] = [];
afterEach(async () => {
  for (const d of devices.splice(0)) await d.stop();
});

async function device(app: Parameters<typeof startClient>[0], user: TestUser): Promise<TestClient> {
  const d = await startClient(app, user);
  devices.push(d);
  await d.engine.syncNow();
  return d;
}

const sent = (d: TestClient) => d.until(() => d.engine.status().pendingWrites === 0, 10_000);

async function seal(archive: ArchiveV1, passphrase: string): Promise<Uint8Array> {
  const header = newArchiveHeader();
  return sealArchive(await deriveArchiveKey(passphrase, header), header, encodeArchive(archive));
}

async function open(file: Uint8Array, passphrase: string): Promise<ArchiveV1> {
  return decodeArchive(openArchive(await deriveArchiveKey(passphrase, readArchiveHeader(file)), file));
}

describeEachDatabase('encrypted archive round trip', (suite) => {
  /** Alex with a record of every kind in Just me, and a few things in a place shared with Blake. */
  async function alexWithEverything() {
    registerAllKinds();
    const t = createTestApp(suite.db);
    const alex = await createUser(t.app);
    const blake = await createUser(t.app);
    const shared = await createSpaceWithKeys(t.app, alex, [blake]);
    const d = await device(t.app, alex);
    const bodies = samples(alex.personalSpaceId, shared.id);
    for (const [kind, body] of Object.entries(bodies)) await d.engine.write(alex.personalSpaceId, registeredKind(kind)!, body);
    // An older version (only the latest counts) and a deleted entry (gone from the copy too).
    await d.engine.write(alex.personalSpaceId, registeredKind('onboarding')!, { reasonId: 'drifted-apart' });
    await d.engine.write(alex.personalSpaceId, registeredKind('onboarding')!, bodies.onboarding);
    const gone = await d.engine.write(alex.personalSpaceId, registeredKind('moment')!, { text: 'Taken back', at: AT, step: false });
    await sent(d);
    await d.engine.syncNow();
    await d.engine.deleteRecords(alex.personalSpaceId, [gone]);
    // In the shared place: a check-in copy and a moment (single entries: offered), a plan and a
    // note (they belong with the place: stay), and Blake's moment (not Alex's: not in the archive).
    await d.engine.write(shared.id, registeredKind('checkin')!, { checkin: { v: 1, at: AT, tz: 'Europe/Berlin', emotional: 6, physical: 4 } });
    await d.engine.write(shared.id, registeredKind('moment')!, { text: 'Our first dance again', at: AT, step: false });
    await d.engine.write(shared.id, registeredKind('plan')!, bodies.plan);
    await d.engine.write(shared.id, registeredKind('round-note')!, { roundId: ROUND, itemId: 'say', text: 'Thank you' });
    await sent(d);
    const b = await device(t.app, blake);
    await b.engine.write(shared.id, registeredKind('moment')!, { text: 'Blake’s own words', at: AT, step: false });
    await sent(b);
    await d.engine.syncNow();
    return { t, alex, shared, d, bodies };
  }

  it('carries every kind that can live in Just me into a new account, equal, and nothing deleted or superseded', async () => {
    const { t, alex, d, bodies } = await alexWithEverything();
    const personalKinds = ALL_KINDS.filter((k) => placementAllows(k.placement, 'personal') && k.copied !== false).map((k) => k.kind);
    expect(Object.keys(bodies).sort()).toEqual(personalKinds.sort());

    const archive = buildArchive(await readableSpaces(d.engine), alex.id, AT, () => 'Us');
    const file = await seal(archive, 'a long passphrase for moving');
    const casey = await createUser(t.app);
    const plan = planImport(await open(file, 'a long passphrase for moving'), casey.personalSpaceId);

    expect(plan.unknown).toBe(0);
    expect(plan.personal.records.map((r) => r.def.kind).sort()).toEqual(personalKinds.sort());
    expect(plan.shared).toHaveLength(1);
    expect(plan.shared[0]!.name).toBe('Us');
    expect(plan.shared[0]!.records.map((r) => r.def.kind).sort()).toEqual(['checkin', 'moment']);
    expect(plan.shared[0]!.stays).toBe(2);

    const c = await device(t.app, casey);
    for (const r of [...plan.personal.records, ...plan.shared[0]!.records]) await c.engine.write(casey.personalSpaceId, r.def, r.body);
    await sent(c);
    const fresh = await device(t.app, casey);
    const mine = (await readableSpaces(fresh.engine)).find((s) => s.summary.id === casey.personalSpaceId)!;
    const byKind = new Map<string, Record<string, unknown>[]>();
    for (const r of mine.records) byKind.set(r.def.kind, [...(byKind.get(r.def.kind) ?? []), withoutVersion(r.plain)]);
    for (const [kind, body] of Object.entries(bodies)) {
      // A body naming Alex's old Just me now names Casey's.
      const expected = JSON.parse(JSON.stringify({ k: kind, v: 1, ...body }).replaceAll(alex.personalSpaceId, casey.personalSpaceId));
      expect(byKind.get(kind), kind).toContainEqual(expected);
    }
    expect(byKind.get('moment')!.map((m) => m.text).sort()).toEqual(['Our first dance again', 'We held hands in the waiting room']);
    expect(byKind.get('onboarding')).toEqual([{ k: 'onboarding', v: 1, reasonId: 'after-illness' }]);
    expect(byKind.get('checkin')).toHaveLength(2);
    expect(JSON.stringify(mine.records)).not.toContain('Blake’s own words');

    // The same copy opened again: everything is already there, nothing would be added twice.
    const again = planImport(await open(file, 'a long passphrase for moving'), casey.personalSpaceId, presentIn(mine.records));
    expect(again.personal.records).toEqual([]);
    expect(again.personal.already).toBe(personalKinds.length);
    expect(again.shared[0]!.records).toEqual([]);
    expect(again.shared[0]!.already).toBe(2);

    if (process.env.UPDATE_ARCHIVE_FIXTURE) writeFileSync(FIXTURE, await seal(archive, FIXTURE_PASSPHRASE));
  }, 60_000);

  it('refuses a changed byte and a wrong passphrase', async () => {
    const file = await seal({ format: 'innermost-archive', version: 1, exportedAt: AT, places: [] }, 'the right passphrase');
    const tampered = file.slice();
    tampered[tampered.length - 20]! ^= 0x40;
    await expect(open(tampered, 'the right passphrase')).rejects.toMatchObject({ code: 'decrypt-failed' });
    await expect(open(file, 'the wrong passphrase')).rejects.toMatchObject({ code: 'decrypt-failed' });
  }, 30_000);

  it('still opens and imports the committed archive of format 1', async () => {
    registerAllKinds();
    const t = createTestApp(suite.db);
    const dana = await createUser(t.app);
    const archive = await open(new Uint8Array(readFileSync(FIXTURE)), FIXTURE_PASSPHRASE);
    const plan = planImport(archive, dana.personalSpaceId);
    expect(plan.unknown).toBe(0);
    expect(plan.personal.records.length).toBeGreaterThanOrEqual(21);
    expect(plan.shared.map((g) => [g.records.length, g.stays])).toEqual([[2, 2]]);
    const d = await device(t.app, dana);
    for (const r of plan.personal.records) await d.engine.write(dana.personalSpaceId, r.def, r.body);
    await sent(d);
    const fresh = await device(t.app, dana);
    const mine = (await readableSpaces(fresh.engine)).find((s) => s.summary.id === dana.personalSpaceId)!;
    const reflection = mine.records.find((r) => r.def.kind === 'reflection');
    expect(reflection?.plain).toEqual({ k: 'reflection', v: 1, ...samples('', '').reflection });
    const daily = mine.records.find((r) => r.def.kind === 'daily-answer');
    expect(daily?.plain.spaceId).toBe(dana.personalSpaceId);
  }, 60_000);
});
