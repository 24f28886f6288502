/**
 * `npm run signup-link`: prints a one-time sign-up link for an instance that is not open to
 * everyone (SIGNUP=invite|closed). It makes one account and runs out after a week. Reads the same
 * settings as the server (DATA_DIR or DATABASE_URL, PUBLIC_ORIGIN, PORT) and can run while the
 * server runs. Only a hash of the link's token is stored.
 */
import { join } from 'node:path';
import { openDatabase } from '../src/server/db/open.ts';
import { ConfigError, loadConfig } from '../src/server/env.ts';
import { createSignupLink, signupUrl } from '../src/server/signup-links.ts';

try {
  const config = loadConfig(process.env);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: join(config.dataDir, 'innermost.db') });
  try {
    const { token, expiresAt } = await createSignupLink(database, { now: Date.now() });
    const origin = config.publicOrigin ?? `http://localhost:${config.port}`;
    console.log(signupUrl(origin, token));
    console.error(`One account, until ${new Date(expiresAt).toUTCString()}. Send it to one person, privately.`);
    if (config.signup === 'open') console.error('Note: SIGNUP is open here, so anyone can make an account without a link.');
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Could not make a sign-up link: ${(error as Error).message}`);
  process.exit(1);
}
