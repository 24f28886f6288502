/**
 * Accounts and sessions. The server keeps only HMAC-SHA256(server secret, loginKey) and
 * HMAC-SHA256(server secret, recoveryAuth): a database thief without the secret cannot even test
 * password guesses offline against them, and both inputs are already Argon2id outputs or derived
 * from a 128-bit code on the client.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  AccountBundle,
  ChangePasswordBody,
  RenewRecoveryBody,
  DeleteAccountBody,
  KdfParams,
  RecoveryBundleBody,
  RecoveryCompleteBody,
  SessionInfo,
  SigninBody,
  SignupBody,
} from '../../shared/api.ts';
import { SESSION_TOUCH_INTERVAL_MS, SESSION_TTL_MS } from '../../shared/limits.ts';
import { constantTimeEqual, fromB64url, hmacSha256, sha256, toB64url } from '../crypto.ts';
import { AppError } from '../http/errors.ts';
import { sessionLabel } from '../http/user-agent.ts';
import { isUniqueViolation } from '../repos/db-errors.ts';
import type { Repos } from '../repos/store.ts';
import type { UserRow } from '../repos/users.repo.ts';
import type { SessionRow } from '../repos/sessions.repo.ts';
import { type Notice, type ServiceDeps, notify } from './common.ts';
import { checkCreateEntry, checkDeparture } from './membership-checks.ts';
import { cancelRoundsOfLeaver } from './round-cancellation.ts';
import { findOpenInvite } from './invites.service.ts';
import type { SignupMode } from '../limits.ts';

const DEFAULT_KDF: KdfParams = { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 };

/** Session cookie tokens: 32 random bytes, base64url (43 characters). */
const SESSION_TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: number;
}

export interface AuthenticatedSession {
  userId: string;
  sessionId: string;
  expiresAt: number;
  /** The expiry slid forward: the cookie should be sent again with a fresh Max-Age. */
  refreshed: boolean;
}

/** The caller's membership of a space as read with their session (hot paths). */
export interface SpaceMembership {
  status: 'pending' | 'active';
  /** The space's newest sequence number when the session was read. */
  headSeq: number;
}

export interface ClientMeta {
  userAgent: string | undefined;
}

export function toAccountBundle(user: UserRow): AccountBundle {
  return {
    id: user.id,
    email: user.email,
    salt: toB64url(user.salt),
    kdf: JSON.parse(user.kdf) as KdfParams,
    wrappedUkByMaster: toB64url(user.wrapped_uk_by_master),
    wrappedIdentity: toB64url(user.wrapped_identity),
    publicKeys: { x25519: toB64url(user.x25519_pub), ed25519: toB64url(user.ed25519_pub) },
    personalSpaceId: user.personal_space_id,
  };
}

export function tokenHash(token: string): Buffer {
  return sha256(fromB64url(token));
}

export function createAuthService(deps: ServiceDeps & { secret: Buffer; signup: SignupMode }) {
  const { store, secret, now } = deps;

  /**
   * May this sign-up go ahead (ADR 030)? Open: always. Invite: with an open invitation that has
   * not made an account yet, or an operator's link. Closed: with an operator's link only. The
   * permit is used up in the sign-up's own transaction, so a failed sign-up keeps it.
   */
  async function usePermit(tx: Repos, permit: z.infer<typeof SignupBody>['permit'], at: number): Promise<void> {
    if (deps.signup === 'open') return;
    if (!permit) throw new AppError('signup-closed');
    if ('link' in permit) {
      if (!(await tx.signupPermits.claim(sha256(fromB64url(permit.link)), at))) throw new AppError('signup-link-invalid');
      return;
    }
    if (deps.signup === 'closed') throw new AppError('signup-closed');
    const invite = await findOpenInvite(tx, permit.inviteId, permit.token, at);
    if (await tx.signupPermits.exists(invite.token_hash)) throw new AppError('invite-used');
    await tx.signupPermits.insertUsed(invite.token_hash, at, invite.expires_at);
  }
  const verifier = (key: string) => hmacSha256(secret, fromB64url(key));
  /** Compared against when the email is unknown, so both paths do the same work. */
  const dummyVerifier = hmacSha256(secret, 'innermost:dummy-verifier');

  async function newSession(repos: Repos, userId: string, meta: ClientMeta): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const at = now();
    const session = {
      id: randomBytes(16).toString('base64url'),
      token_hash: tokenHash(token),
      user_id: userId,
      label: sessionLabel(meta.userAgent),
      created_at: at,
      last_seen_at: at,
      expires_at: at + SESSION_TTL_MS,
    };
    await repos.sessions.insert(session);
    return { token, sessionId: session.id, expiresAt: session.expires_at };
  }

  async function requireUser(userId: string): Promise<UserRow> {
    const user = await store.repos.users.findById(userId);
    if (!user) throw new AppError('unauthenticated');
    return user;
  }

  function checkLoginKey(user: UserRow | undefined, loginKey: string): user is UserRow {
    const ok = constantTimeEqual(verifier(loginKey), user ? user.login_verifier : dummyVerifier);
    return ok && user !== undefined;
  }

  async function findByRecovery(email: string, recoveryAuth: string): Promise<UserRow> {
    const user = await store.repos.users.findByEmail(email);
    const ok = constantTimeEqual(verifier(recoveryAuth), user ? user.recovery_verifier : dummyVerifier);
    if (!ok || !user) throw new AppError('invalid-recovery-code');
    return user;
  }

  /** A session row that has not expired, its expiry slid forward when due; or null. */
  async function live(session: Pick<SessionRow, 'id' | 'user_id' | 'expires_at' | 'last_seen_at'> | undefined): Promise<AuthenticatedSession | null> {
    const at = now();
    if (!session || session.expires_at <= at) return null;
    if (at - session.last_seen_at >= SESSION_TOUCH_INTERVAL_MS) {
      const expiresAt = at + SESSION_TTL_MS;
      await store.repos.sessions.touch(session.id, at, expiresAt);
      return { userId: session.user_id, sessionId: session.id, expiresAt, refreshed: true };
    }
    return { userId: session.user_id, sessionId: session.id, expiresAt: session.expires_at, refreshed: false };
  }

  return {
    /** Salt and KDF parameters; for an unknown email a deterministic fake, so emails can't be enumerated. */
    async params(email: string): Promise<{ salt: string; kdf: KdfParams }> {
      const row = await store.repos.users.findParamsByEmail(email);
      if (row) return { salt: toB64url(row.salt), kdf: JSON.parse(row.kdf) as KdfParams };
      return { salt: toB64url(hmacSha256(secret, `fake-salt:${email}`).subarray(0, 16)), kdf: DEFAULT_KDF };
    },

    async signup(body: z.infer<typeof SignupBody>, meta: ClientMeta): Promise<{ user: UserRow; session: NewSession }> {
      const repos = store.repos;
      const taken = await repos.users.existsWithEmailOrId(body.email, body.userId);
      if (taken.email) throw new AppError('email-taken');
      if (taken.id || body.personalSpace.id === body.userId || (await repos.spaces.spaceExists(body.personalSpace.id))) {
        throw new AppError('id-taken');
      }
      checkCreateEntry(body.personalSpace.id, fromB64url(body.personalSpace.membershipEntry), {
        userId: body.userId,
        x25519: fromB64url(body.publicKeys.x25519),
        ed25519: fromB64url(body.publicKeys.ed25519),
      });
      const at = now();
      const user: UserRow = {
        id: body.userId,
        email: body.email,
        salt: fromB64url(body.salt),
        kdf: JSON.stringify(body.kdf),
        login_verifier: verifier(body.loginKey),
        recovery_verifier: verifier(body.recoveryAuth),
        wrapped_uk_by_master: fromB64url(body.wrappedUkByMaster),
        wrapped_uk_by_recovery: fromB64url(body.wrappedUkByRecovery),
        wrapped_identity: fromB64url(body.wrappedIdentity),
        x25519_pub: fromB64url(body.publicKeys.x25519),
        ed25519_pub: fromB64url(body.publicKeys.ed25519),
        personal_space_id: body.personalSpace.id,
        created_at: at,
        bytes_used: 0,
      };
      try {
        const session = await store.transaction(async (tx) => {
          await usePermit(tx, body.permit, at);
          await tx.users.insert(user);
          await tx.spaces.insertSpace({ id: body.personalSpace.id, kind: 'personal', epoch: 1, needs_rotation: 0, head_seq: 0, created_at: at, bytes_used: 0 });
          await tx.spaces.insertMember({ space_id: body.personalSpace.id, user_id: user.id, status: 'active', invite_id: null, join_mac: null, joined_at: at });
          await tx.spaces.insertKeys([
            { space_id: body.personalSpace.id, epoch: 1, user_id: user.id, sealed_key: fromB64url(body.personalSpace.sealedKey), sealed_by: user.id },
          ]);
          await tx.spaces.appendLog({
            space_id: body.personalSpace.id,
            epoch: 1,
            author_id: user.id,
            entry: fromB64url(body.personalSpace.membershipEntry),
            created_at: at,
          });
          return newSession(tx, user.id, meta);
        });
        return { user, session };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Lost a race with a concurrent sign-up: report which constraint.
        const again = await repos.users.existsWithEmailOrId(body.email, body.userId);
        if (again.email) throw new AppError('email-taken');
        // Two sign-ups racing on one invitation: the loser's permit is spent.
        if (!again.id && body.permit && 'inviteId' in body.permit && deps.signup === 'invite') throw new AppError('invite-used');
        throw new AppError('id-taken');
      }
    },

    async signin(body: z.infer<typeof SigninBody>, meta: ClientMeta): Promise<{ user: UserRow; session: NewSession }> {
      const user = await store.repos.users.findByEmail(body.email);
      if (!checkLoginKey(user, body.loginKey)) throw new AppError('invalid-credentials');
      await store.repos.sessions.deleteExpired(now());
      const session = await newSession(store.repos, user.id, meta);
      return { user, session };
    },

    /** The session behind a cookie token, or null; slides the expiry at most every touch interval. */
    async authenticate(token: string): Promise<AuthenticatedSession | null> {
      if (!SESSION_TOKEN_RE.test(token)) return null;
      return live(await store.repos.sessions.findByTokenHash(tokenHash(token)));
    },

    /**
     * authenticate() and the caller's membership of `spaceId` in one statement (the records hot
     * paths). The membership is only read here; whether it allows the request is the service's
     * decision.
     */
    async authenticateInSpace(token: string, spaceId: string): Promise<(AuthenticatedSession & { membership: SpaceMembership | null }) | null> {
      if (!SESSION_TOKEN_RE.test(token)) return null;
      const row = await store.repos.sessions.findByTokenHashInSpace(tokenHash(token), spaceId);
      const session = await live(row);
      if (!session || !row) return null;
      const membership = row.member_status === null ? null : { status: row.member_status, headSeq: row.head_seq ?? 0 };
      return { ...session, membership };
    },

    /** Still valid? (long-lived SSE streams re-check on every heartbeat). */
    async sessionAlive(sessionId: string): Promise<boolean> {
      const session = await store.repos.sessions.findById(sessionId);
      return session !== undefined && session.expires_at > now();
    },

    async signout(userId: string, sessionId: string): Promise<void> {
      await store.repos.sessions.deleteOne(userId, sessionId);
    },

    async me(userId: string): Promise<UserRow> {
      return requireUser(userId);
    },

    async listSessions(userId: string, currentId: string): Promise<SessionInfo[]> {
      const rows = await store.repos.sessions.listByUser(userId, now());
      return rows.map((s) => ({
        id: s.id,
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        expiresAt: s.expires_at,
        label: s.label,
        current: s.id === currentId,
      }));
    },

    async deleteSession(userId: string, sessionId: string): Promise<void> {
      const deleted = await store.repos.sessions.deleteOne(userId, sessionId);
      if (deleted === 0) throw new AppError('not-found');
    },

    async revokeOtherSessions(userId: string, currentId: string): Promise<void> {
      await store.repos.sessions.deleteAllForUser(userId, currentId);
    },

    async recoveryBundle(body: z.infer<typeof RecoveryBundleBody>): Promise<{ userId: string; wrappedUkByRecovery: string }> {
      const user = await findByRecovery(body.email, body.recoveryAuth);
      return { userId: user.id, wrappedUkByRecovery: toB64url(user.wrapped_uk_by_recovery) };
    },

    /** New password and recovery code at once; every old session ends, a new one starts. */
    async recoveryComplete(body: z.infer<typeof RecoveryCompleteBody>, meta: ClientMeta): Promise<{ user: UserRow; session: NewSession }> {
      const user = await findByRecovery(body.email, body.recoveryAuth);
      const session = await store.transaction(async (tx) => {
        await tx.users.updateCredentials(user.id, {
          salt: fromB64url(body.salt),
          kdf: JSON.stringify(body.kdf),
          login_verifier: verifier(body.loginKey),
          wrapped_uk_by_master: fromB64url(body.wrappedUkByMaster),
          wrapped_uk_by_recovery: fromB64url(body.wrappedUkByRecovery),
          recovery_verifier: verifier(body.newRecoveryAuth),
        });
        await tx.sessions.deleteAllForUser(user.id);
        return newSession(tx, user.id, meta);
      });
      return { user: await requireUser(user.id), session };
    },

    async changePassword(userId: string, sessionId: string, body: z.infer<typeof ChangePasswordBody>): Promise<UserRow> {
      const user = await requireUser(userId);
      if (!checkLoginKey(user, body.currentLoginKey)) throw new AppError('invalid-credentials');
      await store.transaction(async (tx) => {
        await tx.users.updateCredentials(userId, {
          salt: fromB64url(body.salt),
          kdf: JSON.stringify(body.kdf),
          login_verifier: verifier(body.loginKey),
          wrapped_uk_by_master: fromB64url(body.wrappedUkByMaster),
        });
        await tx.sessions.deleteAllForUser(userId, sessionId);
      });
      return requireUser(userId);
    },

    /** A new recovery code (its verifier and the user key wrapped under it); the old one stops working. */
    async renewRecovery(userId: string, body: z.infer<typeof RenewRecoveryBody>): Promise<UserRow> {
      const user = await requireUser(userId);
      if (!checkLoginKey(user, body.currentLoginKey)) throw new AppError('invalid-credentials');
      await store.transaction((tx) =>
        tx.users.updateRecovery(userId, {
          recovery_verifier: verifier(body.recoveryAuth),
          wrapped_uk_by_recovery: fromB64url(body.wrappedUkByRecovery),
        }),
      );
      return requireUser(userId);
    },

    /**
     * Deletes the account and everything of theirs in one transaction: sessions, personal space
     * (records, keys, log), memberships, keys sealed to them, invites they made, every record
     * they wrote in shared spaces and their answers to rounds. Open rounds they take part in are
     * cancelled (everyone's answers in them deleted). A shared space they leave behind needs a key
     * rotation (others remain) or is deleted (no active member remains). The membership log of a
     * shared space is its signed history and stays, as do rounds they started (they hold the
     * other participants' answers).
     */
    async deleteAccount(userId: string, body: z.infer<typeof DeleteAccountBody>): Promise<void> {
      const user = await requireUser(userId);
      if (!checkLoginKey(user, body.loginKey)) throw new AppError('invalid-credentials');
      const notices = await store.transaction(async (tx) => {
        const out: Notice[] = [];
        const at = now();
        const memberships = await tx.spaces.listMembershipsOfUser(userId);
        // Lock spaces in one global order, so two deletions sharing spaces cannot deadlock.
        const shared = memberships.filter((m) => m.kind === 'shared').sort((a, b) => (a.space_id < b.space_id ? -1 : 1));
        for (const membership of shared) {
          const space = await tx.spaces.lockSpace(membership.space_id);
          if (!space) continue;
          const others = (await tx.spaces.listMemberRows(space.id)).filter((m) => m.user_id !== userId);
          const activeOthers = others.filter((m) => m.status === 'active');
          if (activeOthers.length === 0) {
            await tx.spaces.deleteSpace(space.id);
            out.push({ userIds: others.map((m) => m.user_id), event: { spaceId: space.id, type: 'removed' } });
          } else {
            if (membership.status === 'active') {
              // As when leaving: the others' apps remove me only on my signed departure.
              const given = body.departures.find((d) => d.spaceId === space.id);
              if (!given) throw new AppError('departure-required', 'A signed departure is needed for every shared space.');
              const departure = fromB64url(given.departure);
              const log = await tx.spaces.listLog(space.id);
              const member = { userId, x25519: user.x25519_pub, ed25519: user.ed25519_pub };
              const statement = checkDeparture({ spaceId: space.id, member, departure, logEntries: log.map((e) => e.entry) });
              // Every record of a deleted account goes: the others' apps must be told to delete their copies.
              if (!statement.erase) throw new AppError('membership-invalid', 'Deleting an account takes back everything it shared: the departure must say so.');
              await tx.spaces.insertDeparture({ space_id: space.id, user_id: userId, statement: departure, created_at: at });
            }
            const rounds = await cancelRoundsOfLeaver(tx, space.id, userId, at);
            if (membership.status === 'active') await tx.spaces.setNeedsRotation(space.id);
            out.push({ userIds: others.map((m) => m.user_id), event: { spaceId: space.id, type: 'members' } }, ...rounds);
          }
        }
        await tx.spaces.deleteSpace(user.personal_space_id);
        // Cascades: sessions, memberships, keys sealed to them, invites they made, records they
        // wrote, their places (and answers) in rounds.
        await tx.users.delete(userId);
        return out;
      });
      for (const notice of notices) await notify(deps, notice.userIds, notice.event);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
