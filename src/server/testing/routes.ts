/**
 * Every API route with a valid-looking request for it, built around one "world" (a couple with a
 * shared space, a pending joiner, an open invite, records, an open round of the couple). Used by
 * the outsider tests and the property test, so a new route that is not listed here fails the
 * coverage check in both.
 */
import type { z } from 'zod';
import type { PushSubscriptionBody } from '../../shared/api.ts';
import { blob, newId } from '../../../tests/factories/blobs.ts';
import { createRound } from '../../../tests/factories/rounds.ts';
import { acceptInvite, createCouple, createInvite, createSharedSpace, inviteSecrets, writeRecord } from '../../../tests/factories/spaces.ts';
import { call, type RequestableApp } from '../../../tests/factories/http.ts';
import { createUser, type TestUser } from '../../../tests/factories/users.ts';

export interface World {
  owner: TestUser;
  partner: TestUser;
  pending: TestUser;
  spaceId: string;
  epoch: number;
  inviteId: string;
  inviteToken: string;
  recordId: string;
  roundId: string;
  comfortRunId: string;
}

export async function buildWorld(app: RequestableApp): Promise<World> {
  const [owner, partner, pending] = [await createUser(app), await createUser(app), await createUser(app)];
  const space = await createCouple(app, owner, partner);
  const joined = await createInvite(app, owner, space.id);
  await acceptInvite(app, pending, joined);
  const invite = await createInvite(app, owner, space.id);
  const record = await writeRecord(app, owner, space.id, space.epoch);
  const round = await createRound(app, owner, space, [partner]);
  const comfortRunId = newId();
  const started = await call(app, 'POST', `/api/spaces/${space.id}/comfort-runs`, { as: owner, json: { id: comfortRunId, partnerId: partner.id, slots: 8 } });
  if (started.status !== 201) throw new Error(`buildWorld: comfort run ${started.status}`);
  await createSharedSpace(app, partner);
  return {
    owner,
    partner,
    pending,
    spaceId: space.id,
    epoch: space.epoch,
    inviteId: invite.id,
    inviteToken: invite.token,
    recordId: record.id,
    roundId: round.id,
    comfortRunId,
  };
}

/** A valid subscription body (a made-up push service host; nothing is sent in these tests). */
export function pushSubscriptionBody(endpoint = `https://push.example.test/send/${newId()}`): z.input<typeof PushSubscriptionBody> {
  return {
    endpoint,
    keys: { p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url'), auth: Buffer.alloc(16, 9).toString('base64url') },
    prefs: {
      events: { joined: true, opened: true, waiting: true, thinking: true, reply: true, reminder: true },
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Europe/Berlin',
      reminderAt: '19:30',
    },
  };
}

export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The pattern as registered (for coverage). */
  pattern: string;
  path: string;
  json?: unknown;
  /** What the route needs: a session, a space membership, or neither. */
  scope: 'public' | 'session' | 'space' | 'invite';
}

/** Requests aimed at the world's space and invite (or the given user's own resources). */
export function routeCases(world: World, spaceId: string = world.spaceId): RouteCase[] {
  const { epoch } = world;
  return [
    { method: 'GET', pattern: '/api/auth/params', path: `/api/auth/params?email=${encodeURIComponent(world.owner.email)}`, scope: 'public' },
    { method: 'POST', pattern: '/api/auth/signup', path: '/api/auth/signup', scope: 'public', json: { userId: newId(), email: `${newId()}@example.test` } },
    { method: 'POST', pattern: '/api/auth/signin', path: '/api/auth/signin', scope: 'public', json: { email: world.owner.email, loginKey: blob.key32() } },
    { method: 'POST', pattern: '/api/auth/signout', path: '/api/auth/signout', scope: 'session' },
    { method: 'GET', pattern: '/api/auth/session', path: '/api/auth/session', scope: 'public' },
    { method: 'GET', pattern: '/api/auth/signup-mode', path: '/api/auth/signup-mode', scope: 'public' },
    { method: 'GET', pattern: '/api/auth/me', path: '/api/auth/me', scope: 'session' },
    { method: 'GET', pattern: '/api/auth/sessions', path: '/api/auth/sessions', scope: 'session' },
    { method: 'DELETE', pattern: '/api/auth/sessions/:sessionId', path: `/api/auth/sessions/${blob.salt()}`, scope: 'session' },
    { method: 'POST', pattern: '/api/auth/sessions/revoke-others', path: '/api/auth/sessions/revoke-others', scope: 'session' },
    { method: 'POST', pattern: '/api/auth/recovery/bundle', path: '/api/auth/recovery/bundle', scope: 'public', json: { email: world.owner.email, recoveryAuth: blob.key32() } },
    {
      method: 'POST',
      pattern: '/api/auth/recovery/complete',
      path: '/api/auth/recovery/complete',
      scope: 'public',
      json: {
        email: world.owner.email,
        recoveryAuth: blob.key32(),
        salt: blob.salt(),
        kdf: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 },
        loginKey: blob.key32(),
        wrappedUkByMaster: blob.sealed(),
        wrappedUkByRecovery: blob.sealed(),
        newRecoveryAuth: blob.key32(),
      },
    },
    {
      method: 'POST',
      pattern: '/api/auth/password',
      path: '/api/auth/password',
      scope: 'session',
      json: { currentLoginKey: blob.key32(), salt: blob.salt(), kdf: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 }, loginKey: blob.key32(), wrappedUkByMaster: blob.sealed() },
    },
    {
      method: 'POST',
      pattern: '/api/auth/recovery/renew',
      path: '/api/auth/recovery/renew',
      scope: 'session',
      json: { currentLoginKey: blob.key32(), recoveryAuth: blob.key32(), wrappedUkByRecovery: blob.sealed() },
    },
    { method: 'DELETE', pattern: '/api/auth/account', path: '/api/auth/account', scope: 'session', json: { loginKey: blob.key32(), departures: [] } },
    { method: 'GET', pattern: '/api/spaces', path: '/api/spaces', scope: 'session' },
    { method: 'POST', pattern: '/api/spaces', path: '/api/spaces', scope: 'session', json: { id: newId(), sealedKey: blob.sealed(), membershipEntry: blob.junkMembershipEntry() } },
    { method: 'GET', pattern: '/api/spaces/:spaceId', path: `/api/spaces/${spaceId}`, scope: 'space' },
    {
      method: 'POST',
      pattern: '/api/spaces/:spaceId/epochs',
      path: `/api/spaces/${spaceId}/epochs`,
      scope: 'space',
      json: {
        epoch: epoch + 1,
        sealedKeys: [world.owner.id, world.partner.id].map((userId) => ({ userId, sealedKey: blob.sealed() })),
        admit: [],
        membershipEntry: blob.junkMembershipEntry(),
      },
    },
    { method: 'POST', pattern: '/api/spaces/:spaceId/leave', path: `/api/spaces/${spaceId}/leave`, scope: 'space', json: {} },
    { method: 'DELETE', pattern: '/api/spaces/:spaceId/members/:userId', path: `/api/spaces/${spaceId}/members/${world.pending.id}`, scope: 'space' },
    {
      method: 'POST',
      pattern: '/api/spaces/:spaceId/invites',
      path: `/api/spaces/${spaceId}/invites`,
      scope: 'space',
      json: { id: newId(), tokenHash: inviteSecrets().tokenHash, sealedSecret: blob.sealed() },
    },
    { method: 'GET', pattern: '/api/spaces/:spaceId/invites', path: `/api/spaces/${spaceId}/invites`, scope: 'space' },
    { method: 'DELETE', pattern: '/api/spaces/:spaceId/invites/:inviteId', path: `/api/spaces/${spaceId}/invites/${world.inviteId}`, scope: 'space' },
    { method: 'POST', pattern: '/api/invites/:inviteId/preview', path: `/api/invites/${world.inviteId}/preview`, scope: 'invite', json: { token: blob.key32() } },
    { method: 'POST', pattern: '/api/invites/:inviteId/accept', path: `/api/invites/${world.inviteId}/accept`, scope: 'invite', json: { token: blob.key32(), mac: blob.key32() } },
    {
      method: 'POST',
      pattern: '/api/spaces/:spaceId/records',
      path: `/api/spaces/${spaceId}/records`,
      scope: 'space',
      json: { id: newId(), epoch, ciphertext: blob.ciphertext() },
    },
    { method: 'GET', pattern: '/api/spaces/:spaceId/records', path: `/api/spaces/${spaceId}/records?since=0`, scope: 'space' },
    {
      method: 'POST',
      pattern: '/api/spaces/:spaceId/rounds',
      path: `/api/spaces/${spaceId}/rounds`,
      scope: 'space',
      json: { id: newId(), epoch, header: blob.roundHeader(), participants: [world.owner.id, world.partner.id] },
    },
    { method: 'GET', pattern: '/api/spaces/:spaceId/rounds', path: `/api/spaces/${spaceId}/rounds`, scope: 'space' },
    { method: 'GET', pattern: '/api/spaces/:spaceId/rounds/:roundId', path: `/api/spaces/${spaceId}/rounds/${world.roundId}`, scope: 'space' },
    {
      method: 'POST',
      pattern: '/api/spaces/:spaceId/rounds/:roundId/submission',
      path: `/api/spaces/${spaceId}/rounds/${world.roundId}/submission`,
      scope: 'space',
      json: { ciphertext: blob.submission(), signature: blob.signature() },
    },
    { method: 'POST', pattern: '/api/spaces/:spaceId/rounds/:roundId/withdraw', path: `/api/spaces/${spaceId}/rounds/${world.roundId}/withdraw`, scope: 'space' },
    { method: 'GET', pattern: '/api/push/key', path: '/api/push/key', scope: 'public' },
    { method: 'GET', pattern: '/api/care', path: '/api/care', scope: 'public' },
    { method: 'PUT', pattern: '/api/push/subscription', path: '/api/push/subscription', scope: 'session', json: pushSubscriptionBody() },
    { method: 'DELETE', pattern: '/api/push/subscription', path: '/api/push/subscription', scope: 'session' },
    { method: 'POST', pattern: '/api/spaces/:spaceId/push', path: `/api/spaces/${spaceId}/push`, scope: 'space', json: { kind: 'thinking', to: [world.partner.id] } },
    {
      method: 'POST',
      pattern: '/api/spaces/:spaceId/comfort-runs',
      path: `/api/spaces/${spaceId}/comfort-runs`,
      scope: 'space',
      json: { id: newId(), partnerId: world.owner.id, slots: 8 },
    },
    { method: 'GET', pattern: '/api/spaces/:spaceId/comfort-runs', path: `/api/spaces/${spaceId}/comfort-runs`, scope: 'space' },
    { method: 'GET', pattern: '/api/spaces/:spaceId/comfort-runs/:runId', path: `/api/spaces/${spaceId}/comfort-runs/${world.comfortRunId}`, scope: 'space' },
    {
      method: 'POST',
      pattern: '/api/spaces/:spaceId/comfort-runs/:runId/messages',
      path: `/api/spaces/${spaceId}/comfort-runs/${world.comfortRunId}/messages`,
      scope: 'space',
      json: { phase: 1, ciphertext: blob.ciphertext(41 + 32 * 8), signature: blob.signature() },
    },
    { method: 'POST', pattern: '/api/spaces/:spaceId/comfort-runs/:runId/decline', path: `/api/spaces/${spaceId}/comfort-runs/${world.comfortRunId}/decline`, scope: 'space' },
    {
      method: 'POST',
      pattern: '/api/spaces/:spaceId/push/schedule',
      path: `/api/spaces/${spaceId}/push/schedule`,
      scope: 'space',
      json: { at: Date.now() + 3_600_000, to: [world.partner.id], id: newId() },
    },
    { method: 'DELETE', pattern: '/api/spaces/:spaceId/push/schedule/:id', path: `/api/spaces/${spaceId}/push/schedule/${newId()}`, scope: 'space' },
    { method: 'GET', pattern: '/api/events', path: '/api/events', scope: 'session' },
  ];
}
