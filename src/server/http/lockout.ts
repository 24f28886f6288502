/**
 * Lock-out after wrong passwords, recovery codes and invite tokens (ADR 030), built so that nobody
 * can lock someone else out:
 * - only failures count (a right answer costs nothing), per account and per address;
 * - the first LOCKOUT_FREE_FAILURES are free; after that each failure doubles the wait before the
 *   next attempt (LOCKOUT_BASE_DELAY_MS up to LOCKOUT_MAX_DELAY_MS), so guessing slows to a crawl
 *   while a person who mistyped waits seconds, not a quarter of an hour;
 * - a device that signed in before (a signed "known device" cookie, or a live session of the same
 *   account) is counted on its own key only: strangers' failures on the account or the address
 *   never hold it back, and its own failures still slow it down.
 * Keys are HMACs of route + kind + value: the table never holds an email, an address or a token.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  KNOWN_DEVICE_TTL_MS,
  LOCKOUT_BASE_DELAY_MS,
  LOCKOUT_FREE_FAILURES,
  LOCKOUT_MAX_DELAY_MS,
  LOCKOUT_RESET_MS,
} from '../../shared/limits.ts';
import type { AppConfig } from '../context.ts';
import { constantTimeEqual, hmacSha256 } from '../crypto.ts';
import type { Store } from '../repos/store.ts';
import { AppError } from './errors.ts';
import { isHttps } from './request-info.ts';

export interface LockoutKey {
  kind: 'account' | 'address' | 'device' | 'user';
  value: string;
}

/** The wait (ms) after `failures` failures in a row. */
export function lockoutDelayMs(failures: number): number {
  if (failures <= LOCKOUT_FREE_FAILURES) return 0;
  return Math.min(LOCKOUT_MAX_DELAY_MS, LOCKOUT_BASE_DELAY_MS * 2 ** Math.min(30, failures - LOCKOUT_FREE_FAILURES - 1));
}

export function createLockout(deps: { store: Store; secret: Buffer; now: () => number }) {
  const keySecret = hmacSha256(deps.secret, 'innermost:lockout-key');
  let lastSweep = 0;
  const digest = (route: string, key: LockoutKey) =>
    `${route}:${key.kind}:${hmacSha256(keySecret, `${route}\u0000${key.kind}\u0000${key.value}`).subarray(0, 16).toString('base64url')}`;

  return {
    /** 'rate-limited' (with Retry-After) while any key still waits after its failures. */
    async check(route: string, keys: LockoutKey[]): Promise<void> {
      const at = deps.now();
      const rows = await deps.store.repos.authFailures.find(keys.map((k) => digest(route, k)));
      let until = 0;
      for (const row of rows) {
        if (at - row.last_at >= LOCKOUT_RESET_MS) continue;
        until = Math.max(until, row.last_at + lockoutDelayMs(row.failures));
      }
      if (until > at) {
        throw new AppError('rate-limited', undefined, { 'Retry-After': String(Math.max(1, Math.ceil((until - at) / 1000))) });
      }
    },

    /** Counts one failure on every key. */
    async fail(route: string, keys: LockoutKey[]): Promise<void> {
      const at = deps.now();
      for (const key of keys) await deps.store.repos.authFailures.fail(digest(route, key), at, at - LOCKOUT_RESET_MS);
      if (at - lastSweep > LOCKOUT_RESET_MS / 24) {
        lastSweep = at;
        await deps.store.repos.authFailures.deleteOlderThan(at - LOCKOUT_RESET_MS).catch(() => {});
      }
    },

    /** A known device that got in forgets its own failures (never the account's or the address's). */
    async clear(route: string, key: LockoutKey): Promise<void> {
      await deps.store.repos.authFailures.clear(digest(route, key));
    },

    /**
     * Runs `attempt` under the lock-out: refused while a key waits; a refusal with one of
     * `failureCodes` counts on every key; anything else (success, bad input) counts nothing.
     */
    async guard<T>(route: string, keys: LockoutKey[], failureCodes: readonly string[], attempt: () => Promise<T>): Promise<T> {
      await this.check(route, keys);
      try {
        return await attempt();
      } catch (error) {
        if (error instanceof AppError && failureCodes.includes(error.code)) await this.fail(route, keys);
        throw error;
      }
    },
  };
}

export type Lockout = ReturnType<typeof createLockout>;

const SECURE_DEVICE_COOKIE = '__Host-innermost_device';
const PLAIN_DEVICE_COOKIE = 'innermost_device';
/** Accounts one browser remembers (people who share a tablet); the oldest is forgotten first. */
const MAX_DEVICE_ENTRIES = 5;
const ENTRY_RE = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;

/**
 * The "known device" cookie: per account signed in on this browser, a random nonce and an HMAC
 * of (email, nonce) under the server secret. It proves "this browser signed in as this email
 * before" and nothing else (it opens no session). HttpOnly, SameSite=Strict, `__Host-` over HTTPS.
 */
export function knownDevices(deps: { config: AppConfig; secret: Buffer; now: () => number }) {
  const macKey = hmacSha256(deps.secret, 'innermost:known-device');
  const mac = (email: string, nonce: string) => hmacSha256(macKey, `${email}\u0000${nonce}`).subarray(0, 16);
  const cookieName = (c: Context) => (isHttps(c, deps.config) ? SECURE_DEVICE_COOKIE : PLAIN_DEVICE_COOKIE);
  const entries = (c: Context): string[] =>
    (getCookie(c, cookieName(c)) ?? '')
      .split('~')
      .filter((e) => ENTRY_RE.test(e))
      .slice(0, MAX_DEVICE_ENTRIES);
  const matches = (entry: string, email: string) => {
    const [nonce, tag] = entry.split('.') as [string, string];
    return constantTimeEqual(mac(email, nonce), Buffer.from(tag, 'base64url'));
  };

  return {
    /** This browser's nonce for `email` if it signed in as that email before, else null. */
    deviceFor(c: Context, email: string): string | null {
      const entry = entries(c).find((e) => matches(e, email));
      return entry ? entry.split('.')[0]! : null;
    },

    /** Remembers that this browser signed in as `email` (after a sign-in, sign-up or recovery). */
    remember(c: Context, email: string): void {
      const kept = entries(c);
      const mine = kept.find((e) => matches(e, email));
      let entry = mine;
      if (!entry) {
        const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
        entry = `${nonce}.${mac(email, nonce).toString('base64url')}`;
      }
      const value = [entry, ...kept.filter((e) => e !== entry)].slice(0, MAX_DEVICE_ENTRIES).join('~');
      const name = cookieName(c);
      const parts = [`${name}=${value}`, `Max-Age=${Math.round(KNOWN_DEVICE_TTL_MS / 1000)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
      if (name === SECURE_DEVICE_COOKIE) parts.push('Secure');
      c.header('Set-Cookie', parts.join('; '), { append: true });
    },
  };
}

export type KnownDevices = ReturnType<typeof knownDevices>;
