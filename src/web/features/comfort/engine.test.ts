import 'fake-indexeddb/auto';
/**
 * The comfort map's engine and signals as the app runs them (the lazy facade, spaces' views, the
 * real sync engine of a test device, the server's gated exchange) against a real server
 * in-process. The partner runs the other side of the protocol by hand, over the same routes, with
 * src/crypto/psi.ts: what each learns must be the plain AND of the two maps, and nothing else.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { comfortItems } from '../../../../content/comfort.ts';
import type { ComfortMessage, ComfortRunSummary } from '../../../shared/api.ts';
import { fromB64, toB64 } from '../../../shared/base64.ts';
import { openPsiMessage, psiPairKey, psiPhase1, psiPhase2, psiResult, psiScalarToBytes, sealPsiMessage, type PsiAnswer, type PsiPhase, type PsiSecret } from '../../../crypto/psi.ts';
import { call, createUser, errorCodeOf, newId, type TestUser } from '../../../../tests/factories/index.ts';
import { createSpaceWithKeys } from '../../../../tests/factories/keyed-spaces.ts';
import { allSent, openPage, waitFor, type DeviceSlot, type Page } from '../../../../tests/factories/web-page.ts';
import { createTestApp } from '../../../server/testing/app.ts';
import { describeEachDatabase } from '../../../server/testing/databases.ts';

const slot = vi.hoisted((): DeviceSlot => ({ engine: null }));
vi.mock('../../sync/index.ts', async () => (await import('../../../../tests/factories/web-page.ts')).syncIndexFor(slot));

const ids = comfortItems().map((i) => i.id);
const [hands, close, massage, bath, kiss, sex] = ids as [string, string, string, string, string, string];

let page: Page | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
  slot.engine = null;
});

type App = ReturnType<typeof createTestApp>['app'];

/** The partner's side of a run, by hand over the server's routes (what their app would do). */
function partnerSide(app: App, me: TestUser, other: TestUser, spaceId: string, runId: string, answers: Record<string, PsiAnswer>) {
  const path = `/api/spaces/${spaceId}/comfort-runs/${runId}`;
  const runOf = { spaceId, runId, userIds: [me.id, other.id] as [string, string] };
  const pairKey = psiPairKey({ ...runOf, myId: me.id, myX25519Secret: me.identity.x25519.secretKey, partnerX25519Public: other.identity.x25519.publicKey });
  let secret: PsiSecret | null = null;
  let myPhase2: Uint8Array | null = null;
  const get = async () => (await call<{ run: ComfortRunSummary; messages: ComfortMessage[] }>(app, 'GET', path, { as: me })).body;
  const bind = (phase: PsiPhase, slots: number, fromMe: boolean) => ({ spaceId, runId, senderId: fromMe ? me.id : other.id, recipientId: fromMe ? other.id : me.id, phase, slots });
  const theirs = async (phase: PsiPhase) => {
    const { run, messages } = await get();
    const m = messages.find((x) => x.userId === other.id && x.phase === phase);
    if (!m) throw new Error(`no phase ${phase} message from the other side: ${JSON.stringify(run)}`);
    return openPsiMessage({ ...bind(phase, run.slots, false), pairKey, verifyKey: other.identity.ed25519.publicKey, ciphertext: fromB64(m.ciphertext), signature: fromB64(m.signature) });
  };
  const post = async (phase: PsiPhase, slots: number, points: Uint8Array) => {
    const sealed = sealPsiMessage({ ...bind(phase, slots, true), pairKey, signingKey: me.identity.ed25519.secretKey, points });
    const res = await call(app, 'POST', `${path}/messages`, { as: me, json: { phase, ciphertext: toB64(sealed.ciphertext), signature: toB64(sealed.signature) } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  return {
    /** Resolves once the other side has posted `phase` (their app works in the background). */
    async untilTheyPosted(phase: PsiPhase, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const { run } = await get();
        if (run.participants.find((p) => p.userId === other.id)?.posted.includes(phase)) return;
        if (Date.now() > until) throw new Error(`the other side never posted phase ${phase}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async phase1(): Promise<PsiSecret> {
      const { run } = await get();
      const one = psiPhase1(runOf, answers, run.slots);
      secret = one.secret;
      await post(1, run.slots, one.message);
      return one.secret;
    },
    async phase2() {
      myPhase2 = psiPhase2(secret!, await theirs(1));
      await post(2, secret!.labels.length, myPhase2);
    },
    async result() {
      return psiResult(secret!, await theirs(2), myPhase2!);
    },
  };
}

describeEachDatabase('comfort map engine', (suite) => {
  async function world() {
    const t = createTestApp(suite.db);
    const alex = await createUser(t.app);
    const blake = await createUser(t.app);
    const casey = await createUser(t.app);
    const space = await createSpaceWithKeys(t.app, alex, [blake, casey]);
    page = await openPage(t.app, alex, slot);
    const store = await import('./store.ts');
    const actions = await import('./actions.ts');
    const kinds = await import('./kinds.ts');
    await actions.comfort.activate();
    await waitFor(() => store.comfortReady.value, 'the comfort engine');
    return { t, alex, blake, casey, space, page, store, kinds, act: actions.comfortActions };
  }

  const ALEX_MAP = { [hands]: 'yes', [close]: 'maybe', [massage]: 'yes', [bath]: 'yes', [sex]: 'yes' } as const;
  const BLAKE_MAP = { [hands]: 'yes', [close]: 'yes', [massage]: 'maybe', [kiss]: 'yes' } as const;
  /** The plain AND: what both must learn, and all they may learn. */
  const EXPECTED = { [hands]: 'both-yes', [close]: 'open', [massage]: 'open' };

  it('keeps my map privately (only catalog items, only yes or maybe), in my personal place', async () => {
    const w = await world();
    await w.act.saveAnswers({ answers: { ...ALEX_MAP, 'no-such-item': 'yes', [kiss]: 'never' as 'yes' }, hiddenGroups: ['a-group', 'a-group'] });
    expect(w.store.comfortAnswers.value).toEqual({ answers: ALEX_MAP, hiddenGroups: ['a-group'] });
    await allSent(w.page.device);
    await w.page.device.engine.syncNow();
    expect(w.kinds.comfortDocs(w.page.device.engine.spaceState(w.alex.personalSpaceId)!).answers).toEqual({ answers: ALEX_MAP, hiddenGroups: ['a-group'] });
    // Nothing of it in the shared place, where the others would have it.
    expect(w.kinds.comfortDocs(w.page.device.engine.spaceState(w.space.id)!).answers).toBeNull();
  });

  it('I start, the partner agrees: each side learns exactly the plain AND, kept in my personal place; the secret is gone', async () => {
    const w = await world();
    await w.act.saveAnswers({ answers: ALEX_MAP, hiddenGroups: [] });
    const { runId } = await w.act.startMatch(w.space.id, w.blake.id);
    await waitFor(() => w.store.comfortRuns.value.get(w.space.id)?.[0]?.step === 'waiting-partner', 'my run, waiting for Blake');

    const blake = partnerSide(w.t.app, w.blake, w.alex, w.space.id, runId, BLAKE_MAP);
    await blake.phase1();
    await w.act.refresh(w.space.id); // my phase 2 goes out (in the background)
    await blake.untilTheyPosted(2);
    await blake.phase2();
    await w.act.refresh(w.space.id);
    await waitFor(() => w.store.latestMatch(w.space.id, w.blake.id) !== null, 'my result', 20_000);
    expect(w.store.latestMatch(w.space.id, w.blake.id)).toMatchObject({ spaceId: w.space.id, partnerId: w.blake.id, runId, items: EXPECTED });
    expect(await blake.result()).toEqual(EXPECTED);
    expect(w.store.comfortRuns.value.get(w.space.id)?.[0]).toMatchObject({ id: runId, status: 'done', step: 'done', startedByMe: true });
    // The run's secret is gone from my personal place once the run ended.
    await w.page.device.until(() => !w.kinds.comfortDocs(w.page.device.engine.spaceState(w.alex.personalSpaceId)!).secrets.has(runId));
    expect(w.page.device.engine.queuedOf(w.alex.personalSpaceId, w.kinds.comfortRunSecretKind)).toEqual([]);
  });

  it('the partner starts: the invitation shows; agreeing carries the run to its result; a second start waits', async () => {
    const w = await world();
    await w.act.saveAnswers({ answers: ALEX_MAP, hiddenGroups: [] });
    const runId = newId();
    const started = await call(w.t.app, 'POST', `/api/spaces/${w.space.id}/comfort-runs`, { as: w.blake, json: { id: runId, partnerId: w.alex.id, slots: 2 * ids.length } });
    expect(started.status).toBe(201);
    const blake = partnerSide(w.t.app, w.blake, w.alex, w.space.id, runId, BLAKE_MAP);
    await blake.phase1();
    await w.act.refresh(w.space.id);
    await waitFor(() => w.store.invitations.value.length === 1, 'the invitation');
    expect(w.store.invitations.value[0]).toMatchObject({ id: runId, partnerId: w.blake.id, startedByMe: false });

    await w.act.joinMatch(w.space.id, runId); // phase 1, then phase 2 at once
    expect(w.store.invitations.value).toEqual([]);
    await blake.untilTheyPosted(2);
    await blake.phase2();
    await w.act.refresh(w.space.id);
    await waitFor(() => w.store.latestMatch(w.space.id, w.blake.id) !== null, 'my result', 20_000);
    expect(w.store.latestMatch(w.space.id, w.blake.id)!.items).toEqual(EXPECTED);
    expect(await blake.result()).toEqual(EXPECTED);
    // The server's wait between two matches of the same pair.
    await expect(w.act.startMatch(w.space.id, w.blake.id)).rejects.toMatchObject({ code: 'too-soon' });
  });

  it('a match started on another of my devices finishes on this one (the secret travels in my personal place)', async () => {
    const w = await world();
    await w.act.saveAnswers({ answers: ALEX_MAP, hiddenGroups: [] });
    // Alex's phone starts the match: its phase 1 and its secret, by hand, as that app would.
    const phone = await w.page.startDevice(w.alex);
    const runId = newId();
    expect((await call(w.t.app, 'POST', `/api/spaces/${w.space.id}/comfort-runs`, { as: w.alex, json: { id: runId, partnerId: w.blake.id, slots: 2 * ids.length } })).status).toBe(201);
    const alexOnPhone = partnerSide(w.t.app, w.alex, w.blake, w.space.id, runId, ALEX_MAP);
    const secret = await alexOnPhone.phase1();
    await phone.engine.write(w.alex.personalSpaceId, w.kinds.comfortRunSecretKind, { runId, scalar: toB64(psiScalarToBytes(secret.scalar)), labels: secret.labels });
    await allSent(phone);

    const blake = partnerSide(w.t.app, w.blake, w.alex, w.space.id, runId, BLAKE_MAP);
    await blake.phase1();
    await w.page.device.engine.syncNow();
    await w.act.refresh(w.space.id); // this device carries the run: phase 2, then the result
    await blake.untilTheyPosted(2);
    await blake.phase2();
    await w.act.refresh(w.space.id);
    await waitFor(() => w.store.latestMatch(w.space.id, w.blake.id) !== null, 'the result on this device', 20_000);
    expect(w.store.latestMatch(w.space.id, w.blake.id)!.items).toEqual(EXPECTED);
    expect(await blake.result()).toEqual(EXPECTED);
    // The phone hears that the secret is gone.
    await phone.until(() => !w.kinds.comfortDocs(phone.engine.spaceState(w.alex.personalSpaceId)!).secrets.has(runId), 10_000);
  });

  it('a hidden group takes no part: its items are "not now" for the match', async () => {
    const w = await world();
    const group = comfortItems().find((i) => i.id === hands)!.groupId;
    await w.act.saveAnswers({ answers: ALEX_MAP, hiddenGroups: [group] });
    const { runId } = await w.act.startMatch(w.space.id, w.blake.id);
    const blake = partnerSide(w.t.app, w.blake, w.alex, w.space.id, runId, BLAKE_MAP);
    await blake.phase1();
    await w.act.refresh(w.space.id);
    await blake.untilTheyPosted(2);
    await blake.phase2();
    const hidden = new Set(comfortItems().filter((i) => i.groupId === group).map((i) => i.id));
    const expected = Object.fromEntries(Object.entries(EXPECTED).filter(([id]) => !hidden.has(id)));
    expect(await blake.result()).toEqual(expected);
    expect(hidden.has(hands)).toBe(true);
  });

  it('declining says not now: the run closes, nothing is kept', async () => {
    const w = await world();
    const runId = newId();
    await call(w.t.app, 'POST', `/api/spaces/${w.space.id}/comfort-runs`, { as: w.blake, json: { id: runId, partnerId: w.alex.id, slots: 2 * ids.length } });
    await partnerSide(w.t.app, w.blake, w.alex, w.space.id, runId, BLAKE_MAP).phase1();
    await w.act.refresh(w.space.id);
    await w.act.declineMatch(w.space.id, runId);
    expect(w.store.comfortRuns.value.get(w.space.id)?.[0]).toMatchObject({ id: runId, status: 'declined', step: 'closed' });
    expect(w.store.comfortMatches.value).toEqual([]);
    await expect(w.act.joinMatch(w.space.id, runId)).rejects.toMatchObject({ code: 'run-closed' });
  });

  it('a third member sees nothing of a pair’s run: not in my app’s list, not from the server', async () => {
    const w = await world();
    // Blake and Casey match; Alex (the page) is the third member here.
    const runId = newId();
    await call(w.t.app, 'POST', `/api/spaces/${w.space.id}/comfort-runs`, { as: w.blake, json: { id: runId, partnerId: w.casey.id, slots: 2 * ids.length } });
    await partnerSide(w.t.app, w.blake, w.casey, w.space.id, runId, BLAKE_MAP).phase1();
    await w.act.refresh(w.space.id);
    expect(w.store.comfortRuns.value.get(w.space.id) ?? []).toEqual([]);
    expect(w.store.invitations.value).toEqual([]);
    const asAlex = await call(w.t.app, 'GET', `/api/spaces/${w.space.id}/comfort-runs/${runId}`, { as: w.alex });
    expect(errorCodeOf(asAlex.body)).toBe('not-found');
    await expect(w.act.joinMatch(w.space.id, runId)).rejects.toMatchObject({ code: 'not-found' });
    // Nor can Alex start a match with someone outside the place.
    const outsider = await createUser(w.t.app);
    await expect(w.act.startMatch(w.space.id, outsider.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});
