import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB, DeparturesTable, MembershipLogTable, SpaceKeysTable, SpaceMembersTable, SpacesTable } from '../db/types.ts';
import { prepared } from './prepared.ts';

export type SpaceRow = Selectable<SpacesTable>;
export type MemberRow = Selectable<SpaceMembersTable>;
export type SpaceKeyRow = Selectable<SpaceKeysTable>;
export type LogRow = Selectable<MembershipLogTable>;
export type DepartureRow = Selectable<DeparturesTable>;
export type MemberWithKeys = MemberRow & { x25519_pub: Buffer; ed25519_pub: Buffer };

const memberStatus = prepared<[string, string], Pick<MemberRow, 'status'>>(2, (db, spaceId, userId) =>
  db.selectFrom('space_members').select('status').where('space_id', '=', spaceId).where('user_id', '=', userId),
);
const activeMemberIds = prepared<[string], Pick<MemberRow, 'user_id'>>(1, (db, spaceId) =>
  db.selectFrom('space_members').select('user_id').where('space_id', '=', spaceId).where('status', '=', 'active'),
);

export function spacesRepo(db: Kysely<DB>) {
  return {
    async insertSpace(row: SpaceRow): Promise<void> {
      await db.insertInto('spaces').values(row).execute();
    },

    findSpace(id: string): Promise<SpaceRow | undefined> {
      return db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async spaceExists(id: string): Promise<boolean> {
      const row = await db.selectFrom('spaces').select('id').where('id', '=', id).executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Locks the space row for the rest of the transaction (PostgreSQL row lock; SQLite serialises
     * every transaction anyway) and returns it. Every change of membership, epoch or head goes
     * through this first, so those changes are serialised per space.
     */
    lockSpace(id: string): Promise<SpaceRow | undefined> {
      return db
        .updateTable('spaces')
        .set((eb) => ({ head_seq: eb.ref('head_seq') }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    /** epoch -> epoch + 1 and clears needs_rotation, only if the epoch is still `fromEpoch`. */
    async advanceEpoch(id: string, fromEpoch: number): Promise<boolean> {
      const result = await db
        .updateTable('spaces')
        .set((eb) => ({ epoch: eb('epoch', '+', 1), needs_rotation: 0 }))
        .where('id', '=', id)
        .where('epoch', '=', fromEpoch)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async setNeedsRotation(id: string): Promise<void> {
      await db.updateTable('spaces').set({ needs_rotation: 1 }).where('id', '=', id).execute();
    },

    /** Deletes the space (cascading to its records); their authors' storage counts drop with them. */
    async deleteSpace(id: string): Promise<void> {
      await sql`update users set bytes_used = bytes_used - (select coalesce(sum(length(r.ciphertext)), 0) from records r where r.space_id = ${id} and r.author_id = users.id)
        where id in (select distinct author_id from records where space_id = ${id})`.execute(db);
      await db.deleteFrom('spaces').where('id', '=', id).execute();
    },

    /** Shared spaces `userId` is a member of (pending or active), for the per-person quota. */
    async countSharedMemberships(userId: string): Promise<number> {
      const row = await db
        .selectFrom('space_members')
        .innerJoin('spaces', 'spaces.id', 'space_members.space_id')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('space_members.user_id', '=', userId)
        .where('spaces.kind', '=', 'shared')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async insertMember(row: MemberRow): Promise<void> {
      await db.insertInto('space_members').values(row).execute();
    },

    findMembership(spaceId: string, userId: string): Promise<Pick<MemberRow, 'status'> & { kind: SpaceRow['kind'] } | undefined> {
      return db
        .selectFrom('space_members')
        .innerJoin('spaces', 'spaces.id', 'space_members.space_id')
        .select(['space_members.status', 'spaces.kind'])
        .where('space_members.space_id', '=', spaceId)
        .where('space_members.user_id', '=', userId)
        .executeTakeFirst();
    },

    /** The caller's status in a space (hot path: no join). */
    async memberStatus(spaceId: string, userId: string): Promise<MemberRow['status'] | undefined> {
      return (await memberStatus(db, spaceId, userId)).rows[0]?.status;
    },

    async activeMemberIds(spaceId: string): Promise<string[]> {
      return (await activeMemberIds(db, spaceId)).rows.map((r) => r.user_id);
    },

    listMembershipsOfUser(userId: string): Promise<Array<{ space_id: string; status: MemberRow['status']; kind: SpaceRow['kind'] }>> {
      return db
        .selectFrom('space_members')
        .innerJoin('spaces', 'spaces.id', 'space_members.space_id')
        .select(['space_members.space_id', 'space_members.status', 'spaces.kind'])
        .where('space_members.user_id', '=', userId)
        .execute();
    },

    listSpaces(ids: string[]): Promise<SpaceRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('spaces').selectAll().where('id', 'in', ids).orderBy('created_at').orderBy('id').execute();
    },

    listMembers(spaceIds: string[]): Promise<MemberWithKeys[]> {
      if (spaceIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('space_members')
        .innerJoin('users', 'users.id', 'space_members.user_id')
        .selectAll('space_members')
        .select(['users.x25519_pub', 'users.ed25519_pub'])
        .where('space_members.space_id', 'in', spaceIds)
        .orderBy('space_members.joined_at')
        .orderBy('space_members.user_id')
        .execute();
    },

    /** Bare member rows of one space (inside a transaction, after lockSpace). */
    listMemberRows(spaceId: string): Promise<MemberRow[]> {
      return db.selectFrom('space_members').selectAll().where('space_id', '=', spaceId).execute();
    },

    async countMembers(spaceId: string, status?: MemberRow['status']): Promise<number> {
      let query = db.selectFrom('space_members').select(sql<number>`count(*)`.as('n')).where('space_id', '=', spaceId);
      if (status) query = query.where('status', '=', status);
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async activateMembers(spaceId: string, userIds: string[]): Promise<void> {
      if (userIds.length === 0) return;
      await db
        .updateTable('space_members')
        .set({ status: 'active' })
        .where('space_id', '=', spaceId)
        .where('user_id', 'in', userIds)
        .execute();
    },

    async deleteMember(spaceId: string, userId: string): Promise<number> {
      const result = await db
        .deleteFrom('space_members')
        .where('space_id', '=', spaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async insertKeys(rows: SpaceKeyRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insertInto('space_keys').values(rows).execute();
    },

    async deleteKeysOf(spaceId: string, userId: string): Promise<void> {
      await db.deleteFrom('space_keys').where('space_id', '=', spaceId).where('user_id', '=', userId).execute();
    },

    listKeysOfUser(userId: string, spaceIds: string[]): Promise<SpaceKeyRow[]> {
      if (spaceIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('space_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .where('space_id', 'in', spaceIds)
        .orderBy('space_id')
        .orderBy('epoch')
        .execute();
    },

    /** Appends to the membership log with the next sequence number (call after lockSpace). */
    async appendLog(row: Omit<LogRow, 'seq'>): Promise<number> {
      const last = await db
        .selectFrom('membership_log')
        .select(sql<number | null>`max(seq)`.as('seq'))
        .where('space_id', '=', row.space_id)
        .executeTakeFirst();
      const seq = Number(last?.seq ?? 0) + 1;
      await db.insertInto('membership_log').values({ ...row, seq }).execute();
      return seq;
    },

    /** The newest log entry (call after lockSpace to extend the chain). */
    lastLogEntry(spaceId: string): Promise<LogRow | undefined> {
      return db.selectFrom('membership_log').selectAll().where('space_id', '=', spaceId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    },

    async insertDeparture(row: DepartureRow): Promise<void> {
      await db.insertInto('departures').values(row).execute();
    },

    listDepartures(spaceId: string): Promise<DepartureRow[]> {
      return db.selectFrom('departures').selectAll().where('space_id', '=', spaceId).orderBy('created_at').execute();
    },

    listLog(spaceId: string): Promise<LogRow[]> {
      return db.selectFrom('membership_log').selectAll().where('space_id', '=', spaceId).orderBy('seq').execute();
    },
  };
}
