/**
 * `npm run restore -- <backup file> [--replace]`: brings a backup made by `npm run backup` back as
 * DATA_DIR/innermost.db. Run it while the server is stopped. It checks the backup first and
 * refuses to overwrite an existing database unless --replace is given. Start the server with the
 * same server secret as before (SERVER_SECRET, SERVER_SECRET_FILE or DATA_DIR/server-secret).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { restoreSqlite } from '../src/server/backup.ts';
import { ConfigError, loadConfig } from '../src/server/env.ts';

try {
  const config = loadConfig(process.env);
  if (config.databaseUrl) {
    console.error('DATABASE_URL is set: restore PostgreSQL with pg_restore, e.g.\n  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" innermost.dump\n(see docs/operations.md)');
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Usage: npm run restore -- <backup file> [--replace]');
    process.exit(2);
  }
  const summary = await restoreSqlite(resolve(file), config.dataDir, { replace: args.includes('--replace') });
  console.log(`Restored ${summary.users} accounts and ${summary.records} records into ${config.dataDir}.`);
  if (!config.serverSecret && !config.serverSecretFile && !existsSync(join(config.dataDir, 'server-secret'))) {
    console.log('No server secret is configured for this data folder yet: put back the one the backed-up server used before starting, or nobody can sign in with their password.');
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
