/**
 * `npm run backup [-- <file>]`: a consistent copy of the SQLite database while the server runs
 * (SQLite's online backup API, src/server/backup.ts). Reads DATA_DIR like the server. Default
 * file: backups/innermost-<UTC time>.db. On PostgreSQL (DATABASE_URL set) use pg_dump instead
 * (docs/operations.md); the server secret is never part of a backup.
 */
import { join, resolve } from 'node:path';
import { backupSqlite, DATABASE_FILE } from '../src/server/backup.ts';
import { ConfigError, loadConfig } from '../src/server/env.ts';

try {
  const config = loadConfig(process.env);
  if (config.databaseUrl) {
    console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump, e.g.\n  pg_dump --format=custom --file=innermost.dump "$DATABASE_URL"\n(see docs/operations.md)');
    process.exit(2);
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const target = resolve(process.argv[2] ?? join('backups', `innermost-${stamp}.db`));
  const { pages } = await backupSqlite(join(config.dataDir, DATABASE_FILE), target);
  console.log(`Backed up ${pages} pages to ${target}`);
  console.log('Keep the server secret (SERVER_SECRET, SERVER_SECRET_FILE or DATA_DIR/server-secret) somewhere else: a restore needs it, and a backup should not carry it.');
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
