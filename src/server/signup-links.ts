/**
 * One-time sign-up links for instances that are not open to everyone (SIGNUP=invite|closed, ADR
 * 030). The link carries a random 32-byte token in its fragment (`/signup#link=...`), so it never
 * reaches a proxy's access log; the database keeps only SHA-256 of the token. A link makes one
 * account and runs out after SIGNUP_LINK_TTL_MS.
 */
import { randomBytes } from 'node:crypto';
import { sha256 } from './crypto.ts';
import type { Database } from './db/open.ts';
import { createStore } from './repos/store.ts';

export const SIGNUP_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function createSignupLink(database: Database, options: { now: number }): Promise<{ token: string; expiresAt: number }> {
  const bytes = randomBytes(32);
  const expiresAt = options.now + SIGNUP_LINK_TTL_MS;
  await createStore(database).repos.signupPermits.insert(sha256(bytes), options.now, expiresAt);
  return { token: bytes.toString('base64url'), expiresAt };
}

/**
 * On the very first boot of a non-open instance (no account and no link ever made), a link for
 * the first account; null on every later boot, so the log shows a link once at most.
 */
export async function firstBootLink(database: Database, options: { now: number }): Promise<{ token: string; expiresAt: number } | null> {
  const store = createStore(database);
  if ((await store.repos.signupPermits.count()) > 0) return null;
  const anyone = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyone) return null;
  return createSignupLink(database, options);
}

export function signupUrl(origin: string, token: string): string {
  return `${origin.replace(/\/$/, '')}/signup#link=${token}`;
}
