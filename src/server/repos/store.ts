/**
 * The repositories, bound to the database or to one transaction. Services receive a Store and
 * never build queries themselves; `transaction` runs a callback with repositories bound to one
 * transaction (committed when it resolves, rolled back when it throws).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, Dialect, SyncSqlite } from '../db/open.ts';
import type { DB } from '../db/types.ts';
import { authFailuresRepo } from './auth-failures.repo.ts';
import { comfortRepo } from './comfort.repo.ts';
import { invitesRepo } from './invites.repo.ts';
import { pushRepo } from './push.repo.ts';
import { rateLimitsRepo } from './rate-limits.repo.ts';
import { type RecordRow, type WriteQuotas, isQuotaGuard, recordsRepo } from './records.repo.ts';
import { isDeadlock, isUniqueViolation } from './db-errors.ts';
import { roundsRepo } from './rounds.repo.ts';
import { sessionsRepo } from './sessions.repo.ts';
import { signupPermitsRepo } from './signup-permits.repo.ts';
import { spacesRepo } from './spaces.repo.ts';
import { usersRepo } from './users.repo.ts';

/** `reader`: SQLite's reading connection, for repositories outside a transaction only (a transaction reads its own writes). */
export function bindRepos(db: Kysely<DB>, reader?: SyncSqlite) {
  return {
    users: usersRepo(db),
    sessions: sessionsRepo(db, reader),
    spaces: spacesRepo(db),
    invites: invitesRepo(db),
    records: recordsRepo(db, reader),
    rounds: roundsRepo(db),
    comfort: comfortRepo(db),
    rateLimits: rateLimitsRepo(db),
    authFailures: authFailuresRepo(db),
    signupPermits: signupPermitsRepo(db),
    push: pushRepo(db),
  };
}

export type Repos = ReturnType<typeof bindRepos>;

export interface Store {
  readonly dialect: Dialect;
  readonly repos: Repos;
  transaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /**
   * Like transaction(), for small hot-path writes: on SQLite, concurrent callers share one
   * transaction (group commit, each in its own savepoint so one caller's error rolls back only
   * its own changes) and so share one fsync; each caller's promise settles after the commit. On
   * PostgreSQL (many connections, its own group commit) it is a plain transaction.
   */
  batchedTransaction<T>(fn: (repos: Repos) => Promise<T>): Promise<T>;
  /**
   * Record writes without deletions that arrived together, in one go: WRITE_MANY_PG on
   * PostgreSQL, one synchronous transaction on SQLite (ADR 033). Per item, its seq and the members
   * to tell, or undefined when it was not stored (a condition, a taken id, a quota, a deadlock):
   * the caller then takes the general path, which answers exactly. PostgreSQL with a
   * `noticeChannel` (PostgresNotifier.channel): the stored records' live notices were sent with
   * them, in the same statement.
   */
  writeRecords(rows: readonly Omit<RecordRow, 'seq'>[], quotas: WriteQuotas, noticeChannel?: string): Promise<Array<{ seq: number; members: string[] } | undefined>>;
  ping(): Promise<void>;
}

export function createStore(database: Database): Store {
  const repos = bindRepos(database.db, database.reader?.());
  const transaction = <T>(fn: (repos: Repos) => Promise<T>): Promise<T> => database.db.transaction().execute((trx) => fn(bindRepos(trx)));
  const exclusive = database.exclusive;
  return {
    dialect: database.dialect,
    repos,
    transaction,
    batchedTransaction: database.dialect === 'sqlite' ? groupCommit(database.db) : transaction,
    writeRecords: exclusive
      ? (rows, quotas) => exclusive((sqlite) => repos.records.writeManySqlite(sqlite, rows, quotas))
      : async (rows, quotas, noticeChannel) => {
          try {
            return await repos.records.writeMany(rows, quotas, noticeChannel ?? null);
          } catch (error) {
            // The statement stored nothing: each item goes its own way and learns why.
            if (isUniqueViolation(error) || isQuotaGuard(error) || isDeadlock(error)) return rows.map(() => undefined);
            throw error;
          }
        },
    ping: () => database.ping(),
  };
}

interface Pending {
  fn: (repos: Repos) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** At most this many callers share one SQLite transaction. */
const MAX_BATCH = 64;
const SAVEPOINT = CompiledQuery.raw('savepoint batch_item');
const RELEASE = CompiledQuery.raw('release batch_item');
const ROLLBACK_TO = CompiledQuery.raw('rollback to batch_item');

/**
 * SQLite group commit. With synchronous=FULL every commit waits for an fsync (about a
 * millisecond); sharing it between the writes that arrived meanwhile multiplies write throughput
 * without weakening durability: nobody is answered before the commit that holds their write.
 */
function groupCommit(db: Kysely<DB>) {
  const queue: Pending[] = [];
  let draining = false;

  async function runBatch(batch: Pending[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await db.transaction().execute(async (trx) => {
        const repos = bindRepos(trx);
        for (const item of batch) {
          await trx.executeQuery(SAVEPOINT);
          try {
            outcomes.push({ ok: true, value: await item.fn(repos) });
            await trx.executeQuery(RELEASE);
          } catch (error) {
            outcomes.push({ ok: false, error });
            await trx.executeQuery(ROLLBACK_TO);
            await trx.executeQuery(RELEASE);
          }
        }
      });
    } catch (error) {
      // The commit (or the transaction itself) failed: nothing of this batch was stored.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        // One turn of the event loop lets requests that are already in flight join this batch.
        await new Promise((resolve) => setImmediate(resolve));
        await runBatch(queue.splice(0, MAX_BATCH));
      }
    } finally {
      draining = false;
    }
  }

  return <T>(fn: (repos: Repos) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!draining) void drain();
    });
}

