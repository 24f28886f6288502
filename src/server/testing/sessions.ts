/** Mints a session straight in the database (test setup without sign-in's rate limit). */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SESSION_TTL_MS } from '../../shared/limits.ts';
import type { DB } from '../db/types.ts';
import { tokenHash } from '../services/auth.service.ts';

export async function mintSessionCookie(db: Kysely<DB>, userId: string, now = Date.now()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ id: randomBytes(16).toString('base64url'), token_hash: tokenHash(token), user_id: userId, label: 'test', created_at: now, last_seen_at: now, expires_at: now + SESSION_TTL_MS })
    .execute();
  return `innermost_session=${token}`;
}
