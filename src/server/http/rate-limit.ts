/**
 * Fixed-window rate limits stored in the database (so every app server shares them). Keys are
 * HMACs of route + account email / client address / invite id: the table never holds an email or
 * an IP address. Each attempt counts, successful or not.
 */
import { RATE_LIMIT_WINDOW_MS } from '../../shared/limits.ts';
import { hmacSha256 } from '../crypto.ts';
import type { Store } from '../repos/store.ts';
import { AppError } from './errors.ts';

export interface RateLimitKey {
  kind: 'account' | 'address' | 'invite';
  value: string;
}

export function createRateLimiter(deps: { store: Store; secret: Buffer; now: () => number; windowMs?: number }) {
  const windowMs = deps.windowMs ?? RATE_LIMIT_WINDOW_MS;
  const keySecret = hmacSha256(deps.secret, 'innermost:rate-limit-key');
  let lastSweep = 0;

  return {
    /** Counts one attempt on `route` for every key; 'rate-limited' if any key is over `max`. */
    async hit(route: string, max: number, keys: RateLimitKey[]): Promise<void> {
      const at = deps.now();
      const windowStart = Math.floor(at / windowMs) * windowMs;
      let over = false;
      for (const key of keys) {
        const digest = hmacSha256(keySecret, `${route}\u0000${key.kind}\u0000${key.value}`).subarray(0, 16).toString('base64url');
        const count = await deps.store.repos.rateLimits.hit(`${route}:${key.kind}:${digest}`, windowStart);
        if (count > max) over = true;
      }
      if (at - lastSweep > windowMs) {
        lastSweep = at;
        await deps.store.repos.rateLimits.deleteOlderThan(windowStart).catch(() => {});
      }
      if (over) {
        const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - at) / 1000));
        throw new AppError('rate-limited', undefined, { 'Retry-After': String(retryAfter) });
      }
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
