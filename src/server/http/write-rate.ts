/**
 * The per-person write rate (ADR 030): a token bucket per account, WRITE_BURST deep, refilled at
 * WRITE_RATE_PER_MINUTE. It lives in this process: it is there to stop a runaway script, not to
 * meter anyone exactly, and a write must not pay a database round trip for it (with several app
 * servers a person may write up to that many times the rate).
 */
import type { Limits } from '../limits.ts';
import { AppError } from './errors.ts';

/** Buckets kept before full ones (people at rest) are forgotten. */
const MAX_BUCKETS = 10_000;

export function createWriteRate(deps: { limits: Pick<Limits, 'writesPerMinute' | 'writeBurst'>; now: () => number }) {
  const { writesPerMinute, writeBurst } = deps.limits;
  const perMs = writesPerMinute / 60_000;
  const capacity = Math.max(1, writeBurst);
  const buckets = new Map<string, { tokens: number; at: number }>();

  const level = (bucket: { tokens: number; at: number }, at: number) => Math.min(capacity, bucket.tokens + (at - bucket.at) * perMs);

  return {
    /** Takes one write from `userId`'s bucket, or 'too-many-writes' with the seconds until one is back. */
    take(userId: string): void {
      if (writesPerMinute <= 0) return;
      const at = deps.now();
      const bucket = buckets.get(userId) ?? { tokens: capacity, at };
      const tokens = level(bucket, at);
      if (tokens < 1) {
        buckets.set(userId, { tokens, at });
        throw new AppError('too-many-writes', undefined, { 'Retry-After': String(Math.max(1, Math.ceil((1 - tokens) / perMs / 1000))) });
      }
      buckets.set(userId, { tokens: tokens - 1, at });
      if (buckets.size > MAX_BUCKETS) {
        for (const [id, b] of buckets) if (level(b, at) >= capacity) buckets.delete(id);
      }
    },
  };
}

export type WriteRate = ReturnType<typeof createWriteRate>;
