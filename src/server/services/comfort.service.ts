/**
 * Comfort match, the gated two-party exchange (ADR 026, after the reveal gate of ADR 008). Two
 * members of a shared space run a private set intersection over their comfort maps; the server
 * carries its two phases without reading them (messages are sealed to the pair and signed by
 * the client) and decides who may read what, and when:
 * - a run is bound to its two participants, both active members; to anyone else it is 'not-found';
 * - each phase's message of one is released to the other only once both have posted that phase,
 *   and phase 2 is taken only after phase 1 was released, so neither side can see the other's
 *   answer to its own first;
 * - posting phase 1 is how each agrees to take part; either may decline while it is open;
 * - an open run expires after a day, and every run's messages are deleted then;
 * - a pair starts a new run only when none is open and the last started a while ago.
 * Who posted which phase (never what) is live for the two, over the event stream.
 */
import type { ComfortMessage, ComfortRunSummary, CreateComfortRunBody, PostComfortMessageBody } from '../../shared/api.ts';
import { COMFORT_RUN_TTL_MS, COMFORT_RUN_WAIT_MS, comfortCiphertextBytes } from '../../shared/limits.ts';
import { fromB64url, toB64url } from '../crypto.ts';
import { AppError } from '../http/errors.ts';
import type { ComfortPostRow, ComfortRunRow } from '../repos/comfort.repo.ts';
import { isUniqueViolation } from '../repos/db-errors.ts';
import { type ServiceDeps, notify } from './common.ts';
import { requireActiveMember, requireMember } from './spaces.service.ts';

const pairOf = (run: ComfortRunRow) => [run.user_low, run.user_high];

/** Phases both participants have posted: the only ones whose messages the other may read. */
function releasedPhases(run: ComfortRunRow, posts: ComfortPostRow[]): number[] {
  return [1, 2].filter((phase) => pairOf(run).every((id) => posts.some((p) => p.run_id === run.id && p.user_id === id && p.phase === phase)));
}

function toSummary(run: ComfortRunRow, posts: ComfortPostRow[], now: number): ComfortRunSummary {
  // Read as expired from the moment it is due, even before a write has marked it so.
  const status = run.status === 'open' && run.expires_at <= now ? 'expired' : run.status;
  return {
    id: run.id,
    spaceId: run.space_id,
    createdBy: run.created_by,
    participants: pairOf(run).map((userId) => ({
      userId,
      posted: posts.filter((p) => p.run_id === run.id && p.user_id === userId).map((p) => p.phase),
    })),
    slots: run.slots,
    status,
    createdAt: run.created_at,
    expiresAt: run.expires_at,
    closedAt: status === 'expired' && run.closed_at === null ? run.expires_at : run.closed_at,
    released: releasedPhases(run, posts),
  };
}

export function createComfortService(deps: ServiceDeps) {
  const { store, now } = deps;

  const announce = (run: ComfortRunSummary) =>
    notify(
      deps,
      run.participants.map((p) => p.userId),
      { spaceId: run.spaceId, type: 'comfort', runId: run.id },
    );

  /** Marks due runs expired and deletes due messages (lazily, on every use of the space's runs). */
  async function tidy(spaceId: string, at: number): Promise<void> {
    await store.transaction(async (tx) => {
      await tx.comfort.expireDue(spaceId, at);
      await tx.comfort.deleteDueMessages(spaceId, at);
    });
  }

  async function summaryOf(run: ComfortRunRow, at: number): Promise<ComfortRunSummary> {
    return toSummary(run, await store.repos.comfort.listPosts([run.id]), at);
  }

  return {
    /** Starts a run with one other active member of a shared space; the caller posts phase 1 next. */
    async create(userId: string, spaceId: string, body: CreateComfortRunBody): Promise<ComfortRunSummary> {
      const membership = await requireMember(store, spaceId, userId, 'active');
      if (membership.kind === 'personal') throw new AppError('personal-space');
      if (body.partnerId === userId) throw new AppError('members-mismatch', 'A match takes two people.');
      const at = now();
      await tidy(spaceId, at);
      const [low, high] = [userId, body.partnerId].sort() as [string, string];
      const row: ComfortRunRow = {
        id: body.id,
        space_id: spaceId,
        user_low: low,
        user_high: high,
        created_by: userId,
        slots: body.slots,
        status: 'open',
        created_at: at,
        expires_at: at + COMFORT_RUN_TTL_MS,
        closed_at: null,
      };
      try {
        await store.transaction(async (tx) => {
          // The space's row lock orders two starts by the same pair, and a start against a leave.
          const space = await tx.spaces.lockSpace(spaceId);
          if (!space) throw new AppError('not-found');
          if (await tx.comfort.runExists(body.id)) throw new AppError('id-taken');
          const members = await tx.spaces.listMemberRows(spaceId);
          if (!members.some((m) => m.user_id === body.partnerId && m.status === 'active')) {
            throw new AppError('members-mismatch', 'Both people must be active members of the space.');
          }
          const last = await tx.comfort.latestOfPair(spaceId, low, high);
          if (last?.status === 'open' && last.expires_at > at) throw new AppError('run-open');
          if (last && at - last.created_at < COMFORT_RUN_WAIT_MS) throw new AppError('too-soon');
          await tx.comfort.insertRun(row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('id-taken');
        throw error;
      }
      const summary = toSummary(row, [], at);
      await announce(summary);
      return summary;
    },

    /** The caller's runs in this space, newest first: status only. */
    async list(userId: string, spaceId: string): Promise<ComfortRunSummary[]> {
      await requireActiveMember(store, spaceId, userId);
      const at = now();
      await tidy(spaceId, at);
      const runs = await store.repos.comfort.listOf(spaceId, userId);
      const posts = await store.repos.comfort.listPosts(runs.map((r) => r.id));
      return runs.map((run) => toSummary(run, posts, at));
    },

    /** A run and the messages the caller may read: their own, and the other's of released phases. */
    async get(userId: string, spaceId: string, runId: string): Promise<{ run: ComfortRunSummary; messages: ComfortMessage[] }> {
      await requireActiveMember(store, spaceId, userId);
      const at = now();
      await tidy(spaceId, at);
      const run = await store.repos.comfort.findRunOf(spaceId, runId, userId);
      if (!run) throw new AppError('not-found');
      const rows = await store.repos.comfort.listMessages(runId);
      const summary = toSummary(run, rows, at);
      const visible = rows.filter((m) => m.user_id === userId || summary.released.includes(m.phase));
      return {
        run: summary,
        messages: visible.map((m) => ({
          userId: m.user_id,
          phase: m.phase,
          ciphertext: toB64url(m.ciphertext),
          signature: toB64url(m.signature),
          postedAt: m.posted_at,
        })),
      };
    },

    /**
     * Stores the caller's message for a phase; the run is done when both have posted phase 2.
     * Posts to one run queue on its row lock, so the last one sees every earlier one.
     */
    async post(userId: string, spaceId: string, runId: string, body: PostComfortMessageBody): Promise<ComfortRunSummary> {
      await requireActiveMember(store, spaceId, userId);
      const found = await store.repos.comfort.findRunOf(spaceId, runId, userId);
      if (!found) throw new AppError('not-found');
      const ciphertext = fromB64url(body.ciphertext);
      if (ciphertext.length !== comfortCiphertextBytes(found.slots)) throw new AppError('bad-request', 'A message carries exactly the run\'s number of points.');
      const signature = fromB64url(body.signature);
      const at = now();
      const summary = await store.transaction(async (tx) => {
        const run = await tx.comfort.lockOpen(runId);
        if (!run) throw new AppError('run-closed');
        if (run.expires_at <= at) {
          await tx.comfort.expireDue(spaceId, at);
          throw new AppError('run-closed');
        }
        const partner = pairOf(run).find((id) => id !== userId)!;
        if ((await tx.spaces.memberStatus(spaceId, partner)) !== 'active') throw new AppError('members-mismatch', 'The other person is no longer in the space.');
        const before = await tx.comfort.listPosts([runId]);
        if (body.phase === 2 && !releasedPhases(run, before).includes(1)) throw new AppError('phase-not-ready');
        if (!(await tx.comfort.claimMessage({ run_id: runId, user_id: userId, phase: body.phase, ciphertext, signature, posted_at: at }))) {
          throw new AppError('already-submitted');
        }
        const posts = await tx.comfort.listPosts([runId]);
        let current = run;
        if (releasedPhases(run, posts).includes(2)) {
          await tx.comfort.close(runId, 'done', at);
          current = { ...run, status: 'done', closed_at: at };
        }
        return toSummary(current, posts, at);
      });
      await announce(summary);
      return summary;
    },

    /** Either participant calls it off while it is open; what was posted is deleted. */
    async decline(userId: string, spaceId: string, runId: string): Promise<ComfortRunSummary> {
      await requireActiveMember(store, spaceId, userId);
      if (!(await store.repos.comfort.findRunOf(spaceId, runId, userId))) throw new AppError('not-found');
      const at = now();
      const run = await store.transaction(async (tx) => {
        const open = await tx.comfort.lockOpen(runId);
        if (!open || open.expires_at <= at) throw new AppError('run-closed');
        await tx.comfort.close(runId, 'declined', at);
        await tx.comfort.deleteMessages(runId);
        return { ...open, status: 'declined' as const, closed_at: at };
      });
      const summary = await summaryOf(run, at);
      await announce(summary);
      return summary;
    },
  };
}

export type ComfortService = ReturnType<typeof createComfortService>;
