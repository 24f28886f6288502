import { type Kysely, PostgresAdapter, type Selectable } from 'kysely';
import { SCHEDULED_PUSH_KINDS } from '../../shared/api.ts';
import type { DB, PushOutboxTable, PushScheduleTable, PushSubscriptionsTable } from '../db/types.ts';

export type PushSubscriptionRow = Selectable<PushSubscriptionsTable>;
export type PushOutboxRow = Selectable<PushOutboxTable>;
export type PushScheduleRow = Selectable<PushScheduleTable>;

export function pushRepo(db: Kysely<DB>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  return {
    /** The session's subscription, created or replaced (its id, and so its queued messages, stay). */
    async upsert(row: PushSubscriptionRow): Promise<void> {
      await db
        .insertInto('push_subscriptions')
        .values(row)
        .onConflict((oc) =>
          oc.column('session_id').doUpdateSet({
            endpoint: row.endpoint,
            p256dh: row.p256dh,
            auth: row.auth,
            prefs: row.prefs,
            next_reminder_at: row.next_reminder_at,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },

    async deleteForSession(sessionId: string): Promise<void> {
      await db.deleteFrom('push_subscriptions').where('session_id', '=', sessionId).execute();
    },

    /** Only if it still points where we sent (a PUT may have replaced it meanwhile). */
    async deleteGone(id: string, endpoint: string): Promise<void> {
      await db.deleteFrom('push_subscriptions').where('id', '=', id).where('endpoint', '=', endpoint).execute();
    },

    forSession(sessionId: string): Promise<PushSubscriptionRow | undefined> {
      return db.selectFrom('push_subscriptions').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
    },

    /** Subscriptions of these users (id and prefs: enough to decide who gets what, and when). */
    listForUsers(userIds: string[]): Promise<Array<Pick<PushSubscriptionRow, 'id' | 'user_id' | 'prefs'>>> {
      if (userIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('push_subscriptions').select(['id', 'user_id', 'prefs']).where('user_id', 'in', userIds).execute();
    },

    listByIds(ids: string[]): Promise<PushSubscriptionRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('push_subscriptions').selectAll().where('id', 'in', ids).execute();
    },

    /** Scheduled reminders (a plan's, a listening turn's) with this opaque id in this space that no sender has claimed yet (moved or cancelled). */
    async deleteScheduled(spaceId: string, opaqueId: string): Promise<void> {
      await db.deleteFrom('push_outbox').where('kind', 'in', [...SCHEDULED_PUSH_KINDS]).where('space_id', '=', spaceId).where('opaque_id', '=', opaqueId).where('claimed_by', 'is', null).execute();
    },

    /** Who a scheduled reminder is for, and when (after deleteSchedule of the same id, when moved). */
    async addSchedule(rows: PushScheduleRow[]): Promise<void> {
      if (rows.length > 0) await db.insertInto('push_schedule').values(rows).execute();
    },

    /** Forgets these people's reminders whose time has passed (their messages went, or were held). */
    async pruneScheduleOf(userIds: string[], upTo: number): Promise<void> {
      if (userIds.length === 0) return;
      await db.deleteFrom('push_schedule').where('user_id', 'in', userIds).where('at', '<=', upTo).execute();
    },

    async deleteSchedule(spaceId: string, opaqueId: string): Promise<void> {
      await db.deleteFrom('push_schedule').where('space_id', '=', spaceId).where('opaque_id', '=', opaqueId).execute();
    },

    /** A person's reminders still to come, in places where they are still an active member. */
    pendingScheduleOf(userId: string, after: number): Promise<PushScheduleRow[]> {
      return db
        .selectFrom('push_schedule as s')
        .innerJoin('space_members as m', (j) => j.onRef('m.space_id', '=', 's.space_id').onRef('m.user_id', '=', 's.user_id'))
        .selectAll('s')
        .where('s.user_id', '=', userId)
        .where('s.at', '>', after)
        .where('m.status', '=', 'active')
        .execute();
    },

    /** The (space, opaque id, kind) of what is already queued for one device, unclaimed or not. */
    async queuedKeysOf(subscriptionId: string): Promise<Set<string>> {
      const rows = await db.selectFrom('push_outbox').select(['space_id', 'opaque_id', 'kind']).where('subscription_id', '=', subscriptionId).execute();
      return new Set(rows.map((r) => `${r.space_id} ${r.opaque_id} ${r.kind}`));
    },

    async enqueue(rows: PushOutboxRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insertInto('push_outbox').values(rows).execute();
    },

    /**
     * Claims up to `limit` due messages for sender `by`: unclaimed ones, or ones whose claim is
     * older than `staleBefore` (their sender died). One statement; on PostgreSQL the candidate rows
     * are locked with SKIP LOCKED and the outer WHERE repeats the conditions, so two senders never
     * claim one row; SQLite has one writer at a time.
     */
    async claimDue(by: string, now: number, staleBefore: number, limit: number): Promise<PushOutboxRow[]> {
      let candidates = db
        .selectFrom('push_outbox')
        .select('id')
        .where('not_before', '<=', now)
        .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', staleBefore)]))
        .orderBy('not_before')
        .limit(limit);
      if (postgres) candidates = candidates.forUpdate().skipLocked();
      return db
        .updateTable('push_outbox')
        .set((eb) => ({ claimed_by: by, claimed_at: now, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', candidates)
        .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', staleBefore)]))
        .returningAll()
        .execute();
    },

    /** Done (sent, or given up): gone, if it is still ours. */
    async deleteClaimed(id: string, by: string): Promise<void> {
      await db.deleteFrom('push_outbox').where('id', '=', id).where('claimed_by', '=', by).execute();
    },

    /** Back in the queue, not before `notBefore` (a retry after a failure). */
    async release(id: string, by: string, notBefore: number): Promise<void> {
      await db
        .updateTable('push_outbox')
        .set({ claimed_by: null, claimed_at: null, not_before: notBefore })
        .where('id', '=', id)
        .where('claimed_by', '=', by)
        .execute();
    },

    nextDue(): Promise<number | null> {
      return db
        .selectFrom('push_outbox')
        .select((eb) => eb.fn.min('not_before').as('at'))
        .executeTakeFirst()
        .then((row) => (row?.at == null ? null : Number(row.at)));
    },

    dueReminders(now: number, limit: number): Promise<Array<Pick<PushSubscriptionRow, 'id' | 'prefs' | 'next_reminder_at'>>> {
      return db
        .selectFrom('push_subscriptions')
        .select(['id', 'prefs', 'next_reminder_at'])
        .where('next_reminder_at', '<=', now)
        .orderBy('next_reminder_at')
        .limit(limit)
        .execute();
    },

    /** Compare-and-set: moves the reminder on only if nobody did since `from` was read. */
    async advanceReminder(id: string, from: number, to: number | null): Promise<boolean> {
      const result = await db
        .updateTable('push_subscriptions')
        .set({ next_reminder_at: to })
        .where('id', '=', id)
        .where('next_reminder_at', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
