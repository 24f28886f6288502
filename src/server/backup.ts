/**
 * Backups of the embedded SQLite database that restore (issue 17, ADR 030).
 *
 * backupSqlite uses SQLite's online backup API (better-sqlite3 `db.backup()`), never a file copy:
 * copying `innermost.db` while the server runs can catch a page half-written or miss what still
 * sits in the WAL. The remaining pages are copied in one step, which reads one consistent
 * snapshot: every write acknowledged before the backup began is in it, and a write committing
 * meanwhile is either wholly in or wholly out (in WAL mode writers are not blocked meanwhile).
 *
 * restoreSqlite checks the backup (integrity, and that it is an Innermost database) and copies it
 * into a data folder with the same API. The server must be stopped (or not yet started) there.
 * The server secret is not in the backup, by design: keep it apart (docs/operations.md).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';

export const DATABASE_FILE = 'innermost.db';

/** Pages per step: all of them, so the copy is one consistent snapshot. */
const ALL_PAGES = 0x7fffffff;

async function copyDatabase(source: SQLite.Database, target: string): Promise<number> {
  const { totalPages } = await source.backup(target, { progress: () => ALL_PAGES });
  return totalPages;
}

/** Copies the live database at `sourcePath` to `targetPath` (which must not exist yet). */
export async function backupSqlite(sourcePath: string, targetPath: string): Promise<{ pages: number }> {
  if (!existsSync(sourcePath)) throw new Error(`no database at ${sourcePath}`);
  if (existsSync(targetPath)) throw new Error(`${targetPath} exists already; choose a new file name`);
  mkdirSync(dirname(resolve(targetPath)), { recursive: true });
  // Read-only would refuse a database whose WAL needs recovery; a plain connection reads the
  // same committed state and writes nothing.
  const source = new SQLite(sourcePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    return { pages: await copyDatabase(source, targetPath) };
  } finally {
    source.close();
  }
}

/** What a backup holds, checked before anything is restored from it. */
export function inspectBackup(path: string): { migrations: string[]; users: number; records: number } {
  if (!existsSync(path)) throw new Error(`no backup at ${path}`);
  const db = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${path} is damaged (integrity check: ${String(check)})`);
    const hasMigrations = db.prepare(`select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'`).get() as { n: number };
    if (hasMigrations.n === 0) throw new Error(`${path} is not an Innermost database`);
    const migrations = (db.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>).map((r) => r.name);
    const users = (db.prepare('select count(*) as n from users').get() as { n: number }).n;
    const records = (db.prepare('select count(*) as n from records').get() as { n: number }).n;
    return { migrations, users, records };
  } finally {
    db.close();
  }
}

/**
 * Restores `backupPath` as `${dataDir}/innermost.db`. Refuses to replace an existing database
 * unless `replace` (then its WAL and shared-memory files go too, so no stale page survives).
 */
export async function restoreSqlite(backupPath: string, dataDir: string, options: { replace?: boolean } = {}): Promise<ReturnType<typeof inspectBackup>> {
  const summary = inspectBackup(backupPath);
  const target = join(resolve(dataDir), DATABASE_FILE);
  if (existsSync(target)) {
    if (!options.replace) throw new Error(`${target} exists; stop the server and pass --replace to overwrite it`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  }
  mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 });
  const source = new SQLite(backupPath, { readonly: true, fileMustExist: true });
  try {
    await copyDatabase(source, target);
  } finally {
    source.close();
  }
  return summary;
}
