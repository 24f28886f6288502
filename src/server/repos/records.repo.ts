import { CompiledQuery, type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import { prepared } from './prepared.ts';
import { addBytes } from './users.repo.ts';
import { isUniqueViolation } from './db-errors.ts';
import type { SyncSqlite } from '../db/open.ts';
import { runOften } from '../db/named-statements.ts';
import type { DB, RecordsTable } from '../db/types.ts';

export type RecordRow = Selectable<RecordsTable>;
type StoredFields = Pick<RecordRow, 'seq' | 'author_id' | 'epoch' | 'ciphertext'>;

const findById = prepared<[string, string], StoredFields>(2, (db, spaceId, id) =>
  db.selectFrom('records').select(['seq', 'author_id', 'epoch', 'ciphertext']).where('space_id', '=', spaceId).where('id', '=', id),
);

/**
 * Takes the next sequence number of a space, but only while the writer is an active member, the
 * space is at `epoch` and needs no rotation. The UPDATE both checks and locks (on PostgreSQL the
 * row lock orders concurrent writers, so sequence numbers commit in order with no gaps); no row
 * means one of the conditions failed and the caller finds out which. It also adds the record's
 * size to the space's storage count and returns the new count (the quota check, ADR 030), and the
 * active members to tell (comma-separated ids; ids are UUIDs), so no further statement reads them.
 */
export const claimSeq = prepared<[string, string, number, number], { seq: number; bytes_used: number; members: string | null }>(4, (db, spaceId, authorId, epoch, bytes) =>
  db
    .updateTable('spaces')
    .set((eb) => ({ head_seq: eb('head_seq', '+', 1), bytes_used: eb('bytes_used', '+', bytes) }))
    .where('id', '=', spaceId)
    .where('epoch', '=', epoch)
    .where('needs_rotation', '=', 0)
    .where((eb) => eb.exists(activeMember(eb, spaceId, authorId)))
    .returning(['head_seq as seq', 'bytes_used', membersOf(spaceId).as('members')]),
);

function activeMember(eb: ExpressionBuilder<DB, 'spaces'>, spaceId: unknown, userId: unknown) {
  return eb
    .selectFrom('space_members')
    .select('space_members.user_id')
    .where('space_members.space_id', '=', spaceId as string)
    .where('space_members.user_id', '=', userId as string)
    .where('space_members.status', '=', 'active');
}

/** string_agg exists in both dialects (SQLite since 3.44). */
const membersOf = (spaceId: unknown) => sql<string | null>`(select string_agg(user_id, ',') from space_members where space_id = ${spaceId} and status = 'active')`;

/**
 * PostgreSQL: the record writes that arrived together (any spaces, any writers) in one statement
 * that commits on its own (ADR 033). A space's row lock orders its writers (gapless sequence
 * numbers), so it is held until commit; with one statement per write, concurrent writers to one
 * space queued on that lock (each handover a process wake-up: about 700 writes/s in one space on
 * two cores). Here one statement and one commit serve a whole batch.
 *
 * For each space in the batch: locks its row (in id order, so two batches never deadlock), and
 * claims seqs only if the space is at every item's epoch, needs no rotation and every writer is an
 * active member; then adds each writer's bytes to their count, inserts the records and returns,
 * per item (by its 1-based position `ord`), its seq and the active members to tell. Items of a
 * space that failed those conditions are simply absent: nothing of theirs changed, and the caller
 * sends them down the general path, which finds out why. Data-modifying CTEs run exactly once
 * whether or not the outer query reads them
 * (https://www.postgresql.org/docs/15/queries-with.html#QUERIES-WITH-MODIFYING).
 *
 * With a channel ($9, the PostgresNotifier's), it also sends each stored record's live notice
 * (NOTIFY, in that notifier's wire format {u: member ids, e: event}): the notices commit with the
 * records, in the same statement and commit, so a batch needs no statement of its own to tell
 * anyone (the issue 18 "NOTIFY inside the transaction"; ADR 035). NOTIFY is transactional: a
 * statement that fails sends nothing.
 *
 * A taken id fails the whole statement (unique violation), and so does a quota that the batch
 * would exceed: the guard divides by zero (22012) inside the statement. Either way nothing of the
 * batch is stored and the caller repeats each write on the general path, which answers it exactly
 * (duplicate, conflict, or the quota's own code). The divisor is a column expression so that it is
 * evaluated only when the CASE branch is taken (a constant 1/0 may be folded, and raised, while
 * planning).
 */
export const WRITE_MANY_PG = `with input as (
  select * from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bytea[], $6::bigint[])
    with ordinality as i(space_id, id, author_id, epoch, ciphertext, created_at, ord)
), per_space as (
  select space_id, min(epoch) as epoch, max(epoch) as max_epoch, count(*) as n, sum(length(ciphertext)) as bytes
  from input group by space_id
), locked as (
  select s.id, s.epoch, s.needs_rotation from spaces s
  where s.id in (select space_id from per_space) order by s.id for update
), ok_space as (
  select p.space_id, p.n, p.bytes from per_space p join locked l on l.id = p.space_id
  where l.epoch = p.epoch and p.max_epoch = p.epoch and l.needs_rotation = 0
    and not exists (
      select 1 from input i where i.space_id = p.space_id
        and not exists (select 1 from space_members m where m.space_id = i.space_id and m.user_id = i.author_id and m.status = 'active')
    )
), claimed as (
  update spaces s set head_seq = s.head_seq + o.n, bytes_used = s.bytes_used + o.bytes
  from ok_space o where s.id = o.space_id
  returning s.id, s.head_seq - o.n as base, s.bytes_used
), ranked as (
  select i.*, c.base + row_number() over (partition by i.space_id order by i.ord) as seq
  from input i join claimed c on c.id = i.space_id
), person as (
  update users u set bytes_used = u.bytes_used + d.bytes
  from (select author_id, sum(length(ciphertext)) as bytes from ranked group by author_id) d
  where u.id = d.author_id
  returning u.id, u.bytes_used
), inserted as (
  insert into records (space_id, seq, id, author_id, epoch, ciphertext, created_at)
  select space_id, seq, id, author_id, epoch, ciphertext, created_at from ranked
), members as (
  select m.space_id, string_agg(m.user_id, ',') as ids from space_members m
  where m.space_id in (select id from claimed) and m.status = 'active' group by m.space_id
)
select r.ord, r.seq, ms.ids as members,
  case when ($7::bigint > 0 and c.bytes_used > $7::bigint) or ($8::bigint > 0 and p.bytes_used > $8::bigint)
    then 1 / (r.seq - r.seq) else 0 end as quota_guard,
  case when $9::text is not null then pg_notify($9::text, json_build_object(
    'u', string_to_array(ms.ids, ','),
    'e', json_build_object('spaceId', r.space_id, 'type', 'records', 'seq', r.seq))::text) end as notice
from ranked r join claimed c on c.id = r.space_id join person p on p.id = r.author_id
  left join members ms on ms.space_id = r.space_id`;
// Planning this statement costs PostgreSQL twice what running a batch does: prepared once per connection.
runOften(WRITE_MANY_PG);

export interface WriteQuotas {
  /** Bytes a space and a person may keep; 0 for no limit. */
  spaceBytes: number;
  personBytes: number;
}

/** Thrown inside a savepoint to undo one write that a quota refuses (never leaves writeManySqlite). */
const OVER_QUOTA = Symbol('over quota');

/** True for the error WRITE_MANY_PG raises when a quota would be exceeded. */
export function isQuotaGuard(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '22012';
}

export const insert = prepared<[string, number, string, string, number, Buffer, number], never>(7, (db, space_id, seq, id, author_id, epoch, ciphertext, created_at) =>
  db.insertInto('records').values({ space_id, seq, id, author_id, epoch, ciphertext, created_at }),
);

/**
 * Records with since < seq <= upto, in order. The upper bound keeps the plan an index range scan
 * whatever the planner's statistics say: with only `seq > since ... order by seq limit n`, stale
 * statistics let PostgreSQL pick a bitmap heap scan that reads and sorts every later record for
 * each page (seven seconds to sync a space of 100k records from scratch); bounded, the worst plan
 * sorts at most one window.
 */
export const listWindow = prepared<[string, number, number, number], Omit<RecordRow, 'space_id'>>(4, (db, spaceId, since, upto, limit) =>
  db
    .selectFrom('records')
    .select(['id', 'seq', 'author_id', 'epoch', 'ciphertext', 'created_at'])
    .where('space_id', '=', spaceId)
    .where('seq', '>', since)
    .where('seq', '<=', upto)
    .orderBy('seq')
    .limit(limit),
);

/** Bytes of ciphertext the author has in the space (only `ids`, when given). */
async function sizeOf(db: Kysely<DB>, spaceId: string, authorId: string, ids?: readonly string[]): Promise<number> {
  const filter = ids ? sql` and id in (${sql.join([...ids])})` : sql``;
  const { rows } = await sql<{ n: number | string | null }>`select coalesce(sum(length(ciphertext)), 0) as n from records where space_id = ${spaceId} and author_id = ${authorId}${filter}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

async function release(db: Kysely<DB>, spaceId: string, authorId: string, bytes: number): Promise<void> {
  if (bytes === 0) return;
  await db.updateTable('spaces').set((eb) => ({ bytes_used: eb('bytes_used', '-', bytes) })).where('id', '=', spaceId).execute();
  await db.updateTable('users').set((eb) => ({ bytes_used: eb('bytes_used', '-', bytes) })).where('id', '=', authorId).execute();
}

/** `reader`: SQLite's reading connection for pages of records (absent in a transaction and on PostgreSQL). */
export function recordsRepo(db: Kysely<DB>, reader?: SyncSqlite) {
  return {
    async findById(spaceId: string, id: string): Promise<StoredFields | undefined> {
      return (await findById(db, spaceId, id)).rows[0];
    },

    async claimSeq(spaceId: string, authorId: string, epoch: number, bytes: number): Promise<{ seq: number; spaceBytes: number; members: string[] } | undefined> {
      const row = (await claimSeq(db, spaceId, authorId, epoch, bytes)).rows[0];
      return row ? { seq: Number(row.seq), spaceBytes: Number(row.bytes_used), members: splitIds(row.members) } : undefined;
    },

    /**
     * PostgreSQL only: WRITE_MANY_PG. Per item, its seq and the members to tell, or undefined when
     * its space's conditions failed (nothing of it changed). Throws a unique violation for a taken
     * id and isQuotaGuard for a quota, having stored nothing. With `noticeChannel`, the stored
     * records' live notices went out with them.
     */
    async writeMany(
      rows: readonly Omit<RecordRow, 'seq'>[],
      quotas: { spaceBytes: number; personBytes: number },
      noticeChannel: string | null = null,
    ): Promise<Array<{ seq: number; members: string[] } | undefined>> {
      const { rows: found } = await db.executeQuery<{ ord: number | string; seq: number | string; members: string | null }>(
        CompiledQuery.raw(WRITE_MANY_PG, [
          rows.map((r) => r.space_id),
          rows.map((r) => r.id),
          rows.map((r) => r.author_id),
          rows.map((r) => r.epoch),
          rows.map((r) => r.ciphertext),
          rows.map((r) => r.created_at),
          quotas.spaceBytes,
          quotas.personBytes,
          noticeChannel,
        ]),
      );
      const out: Array<{ seq: number; members: string[] } | undefined> = rows.map(() => undefined);
      for (const f of found) out[Number(f.ord) - 1] = { seq: Number(f.seq), members: splitIds(f.members) };
      return out;
    },

    /**
     * SQLite only: the record writes that arrived together, in one transaction run synchronously
     * on the connection (Database.exclusive: no promise per statement, one commit and one fsync),
     * each in its own savepoint: claim (claimSeq), insert, the writer's count. Per item, its seq
     * and the members to tell, or undefined when it was not stored (a condition of the claim
     * failed, its id is taken, or a quota would be exceeded; its savepoint undid its changes) and
     * the caller sends it down the general path, which finds out why. Any other error (the disk)
     * rolls back the whole batch and rejects.
     */
    writeManySqlite(sqlite: SyncSqlite, rows: readonly Omit<RecordRow, 'seq'>[], quotas: WriteQuotas): Array<{ seq: number; members: string[] } | undefined> {
      const claim = claimSeq.compiled(db);
      const add = insert.compiled(db);
      const count = addBytes.compiled(db);
      const claimStatement = sqlite.prepare(claim.sql);
      const insertStatement = sqlite.prepare(add.sql);
      const countStatement = sqlite.prepare(count.sql);
      const one = sqlite.transaction((row: Omit<RecordRow, 'seq'>) => {
        const size = row.ciphertext.length;
        const claimed = claimStatement.get(...claim.parameters(row.space_id, row.author_id, row.epoch, size)) as { seq: number; bytes_used: number; members: string | null } | undefined;
        if (!claimed) return undefined;
        // Quotas (ADR 030) refuse only a write that grows what is stored, as the general path does.
        if (size > 0 && quotas.spaceBytes > 0 && claimed.bytes_used > quotas.spaceBytes) throw OVER_QUOTA;
        insertStatement.run(...add.parameters(row.space_id, claimed.seq, row.id, row.author_id, row.epoch, row.ciphertext, row.created_at));
        const person = countStatement.get(...count.parameters(row.author_id, size)) as { bytes_used: number } | undefined;
        if (size > 0 && quotas.personBytes > 0 && (person?.bytes_used ?? 0) > quotas.personBytes) throw OVER_QUOTA;
        return { seq: Number(claimed.seq), members: splitIds(claimed.members) };
      });
      return sqlite.transaction(() =>
        rows.map((row) => {
          try {
            return one(row);
          } catch (error) {
            if (error === OVER_QUOTA || isUniqueViolation(error)) return undefined;
            throw error;
          }
        }),
      )();
    },

    async insert(row: RecordRow): Promise<void> {
      await insert(db, row.space_id, row.seq, row.id, row.author_id, row.epoch, row.ciphertext, row.created_at);
    },

    /** The authors of those of `ids` that exist in the space. */
    async authorsOf(spaceId: string, ids: readonly string[]): Promise<Array<{ id: string; author_id: string }>> {
      if (ids.length === 0) return [];
      return db.selectFrom('records').select(['id', 'author_id']).where('space_id', '=', spaceId).where('id', 'in', [...ids]).execute();
    },

    /** Deletes those of `ids` the author wrote here; returns the bytes freed (both storage counts drop by them). */
    async deleteOwn(spaceId: string, authorId: string, ids: readonly string[]): Promise<number> {
      if (ids.length === 0) return 0;
      const freed = await sizeOf(db, spaceId, authorId, ids);
      await db.deleteFrom('records').where('space_id', '=', spaceId).where('author_id', '=', authorId).where('id', 'in', [...ids]).execute();
      await release(db, spaceId, authorId, freed);
      return freed;
    },

    /** Everything one member wrote in a space (they left and took it back). */
    async deleteAllOf(spaceId: string, authorId: string): Promise<void> {
      const freed = await sizeOf(db, spaceId, authorId);
      await db.deleteFrom('records').where('space_id', '=', spaceId).where('author_id', '=', authorId).execute();
      await release(db, spaceId, authorId, freed);
    },

    /** Up to `limit` records with since < seq <= upto, in order. */
    async listWindow(spaceId: string, since: number, upto: number, limit: number): Promise<Array<Omit<RecordRow, 'space_id'>>> {
      return reader ? listWindow.read(reader, db, spaceId, since, upto, limit) : (await listWindow(db, spaceId, since, upto, limit)).rows;
    },
  };
}

const splitIds = (joined: string | null): string[] => (joined ? joined.split(',') : []);
