/**
 * The sender: one loop per app server that claims due outbox rows (atomically, so with several
 * servers on one PostgreSQL each message goes once), encrypts and signs them with web-push
 * (RFC 8291 aes128gcm, RFC 8292 VAPID) and posts them to the device's push service.
 *
 * - sent (2xx): the row is deleted;
 * - 404/410 (the subscription is gone): the subscription is deleted, and its queued rows with it;
 * - anything else (timeouts, 429, 5xx): back in the queue with a growing delay, dropped after
 *   MAX_ATTEMPTS.
 * A claim older than CLAIM_STALE_MS is taken over (its server died mid-send); a message may then
 * go twice, which a notification tag on the device collapses.
 *
 * Reminders: every subscription with a due `next_reminder_at` is moved to its next day with a
 * compare-and-set, and only the server whose update won queues the reminder.
 *
 * Nothing from a subscription (endpoint, keys) or a payload ever reaches a log line.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import webpush from 'web-push';
import type { PushKind } from '../../shared/api.ts';
import type { PushSubscriptionRow } from '../repos/push.repo.ts';
import type { Store } from '../repos/store.ts';
import { PUSH_TTL_SECONDS, pushPayload } from './message.ts';
import { nextReminder, notBefore, outboxRow, parsePrefs } from './outbox.ts';
import type { VapidKeys } from './vapid.ts';

export const MAX_ATTEMPTS = 5;
const CLAIM_BATCH = 50;
const CLAIM_STALE_MS = 2 * 60 * 1000;
const SEND_TIMEOUT_MS = 10_000;
const POLL_MS = 1000;
const SEND_CONCURRENCY = 16;
/** A reminder more than this late (the servers were down) is skipped, not sent at an odd hour. */
const REMINDER_LATE_MS = 3 * 60 * 60 * 1000;

/** 5 s, 20 s, 80 s, ~5 min: a push service that is briefly down gets time to recover. */
export function retryDelayMs(attempts: number): number {
  return 5000 * 4 ** Math.max(0, attempts - 1);
}

export interface PushRequest {
  endpoint: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** What the push service answered: the status, and its Retry-After header when it sent one. */
export interface PushAnswer {
  status: number;
  retryAfter: string | null;
}

/** Posts one encrypted message (throws on network errors). */
export type PushTransport = (request: PushRequest) => Promise<PushAnswer>;

export const fetchTransport: PushTransport = async (request) => {
  const response = await fetch(request.endpoint, {
    method: 'POST',
    headers: request.headers,
    body: new Uint8Array(request.body),
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    redirect: 'error',
  });
  await response.body?.cancel();
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
};

/** The longest a push service may ask us to wait (a message is worth little after that). */
const RETRY_AFTER_MAX_MS = 60 * 60 * 1000;

/**
 * How long a push service asked us to wait (RFC 9110 Retry-After: seconds, or an HTTP date), at
 * most an hour; null when it did not ask, or asked in a form we cannot read.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(Math.max(ms, 0), RETRY_AFTER_MAX_MS);
}

export interface PushSenderDeps {
  store: Store;
  logger: Logger;
  now: () => number;
  vapid: { keys: VapidKeys; subject: string };
  /** Defaults to fetch; tests and the bench may count requests through their own. */
  transport?: PushTransport;
  pollMs?: number;
}

export interface PushSender {
  readonly id: string;
  /** Starts the loop (polls every second; kick() runs it at once). */
  start(): void;
  /** Stops polling and waits for the round in flight (graceful shutdown). */
  stop(): Promise<void>;
  /** Run soon: something was just queued. A no-op when stopped. */
  kick(): void;
  /** One full pass (reminders, then every due message); for tests. Returns messages handled. */
  runOnce(): Promise<number>;
  /** Observed by the bench and tests: called after each message leaves (status or 'error'). */
  onSent?: ((kind: PushKind, status: number | 'error') => void) | undefined;
}

export function createPushSender(deps: PushSenderDeps): PushSender {
  const id = randomUUID();
  const transport = deps.transport ?? fetchTransport;
  const { store, logger, now } = deps;
  const vapidDetails = { subject: deps.vapid.subject, publicKey: deps.vapid.keys.publicKey, privateKey: deps.vapid.keys.privateKey };
  let stopped = true;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function queueReminders(): Promise<void> {
    const at = now();
    for (const row of await store.repos.push.dueReminders(at, CLAIM_BATCH)) {
      const prefs = parsePrefs(row.prefs);
      const from = row.next_reminder_at!;
      await store.transaction(async (tx) => {
        const next = prefs ? nextReminder(prefs, at) : null;
        // Only the server whose compare-and-set wins queues today's reminder.
        if (!(await tx.push.advanceReminder(row.id, from, next))) return;
        if (prefs?.events.reminder && at - from <= REMINDER_LATE_MS) {
          await tx.push.enqueue([outboxRow(row.id, 'reminder', '', '', notBefore(prefs, at), at)]);
        }
      });
    }
  }

  async function sendOne(row: { id: string; kind: string; space_id: string; opaque_id: string; attempts: number }, subscription: PushSubscriptionRow | undefined): Promise<void> {
    if (!subscription) {
      await store.repos.push.deleteClaimed(row.id, id);
      return;
    }
    const kind = row.kind as PushKind;
    let status: number | 'error';
    let retryAfter: string | null = null;
    try {
      const details = webpush.generateRequestDetails(
        { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
        pushPayload(kind, row.space_id, row.opaque_id),
        { vapidDetails, TTL: PUSH_TTL_SECONDS, urgency: kind === 'reminder' ? 'low' : 'normal', contentEncoding: 'aes128gcm' },
      );
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(details.headers)) {
        // fetch sets the length itself from the body.
        if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
      }
      ({ status, retryAfter } = await transport({ endpoint: subscription.endpoint, headers, body: details.body as Buffer }));
    } catch (error) {
      status = 'error';
      logger.warn({ err: { name: (error as Error).name }, kind }, 'push send failed');
    }
    if (typeof status === 'number' && status >= 200 && status < 300) {
      await store.repos.push.deleteClaimed(row.id, id);
    } else if (status === 404 || status === 410) {
      await store.repos.push.deleteGone(subscription.id, subscription.endpoint);
      logger.info({ kind, status }, 'push subscription gone; deleted');
    } else if (row.attempts >= MAX_ATTEMPTS) {
      await store.repos.push.deleteClaimed(row.id, id);
      logger.warn({ kind, status, attempts: row.attempts }, 'push given up');
    } else {
      // A service that says when to come back (429, 503) is not asked sooner than that.
      const at = now();
      await store.repos.push.release(row.id, id, at + Math.max(retryDelayMs(row.attempts), retryAfterMs(retryAfter, at) ?? 0));
      if (status !== 'error') logger.warn({ kind, status }, 'push refused; will retry');
    }
    sender.onSent?.(kind, status);
  }

  async function sendDue(): Promise<number> {
    let handled = 0;
    for (;;) {
      const at = now();
      const rows = await store.repos.push.claimDue(id, at, at - CLAIM_STALE_MS, CLAIM_BATCH);
      if (rows.length === 0) return handled;
      const subscriptions = new Map((await store.repos.push.listByIds([...new Set(rows.map((r) => r.subscription_id))])).map((s) => [s.id, s]));
      for (let i = 0; i < rows.length; i += SEND_CONCURRENCY) {
        await Promise.all(rows.slice(i, i + SEND_CONCURRENCY).map((row) => sendOne(row, subscriptions.get(row.subscription_id))));
      }
      handled += rows.length;
      if (rows.length < CLAIM_BATCH) return handled;
    }
  }

  async function runOnce(): Promise<number> {
    await queueReminders();
    return sendDue();
  }

  async function loop(): Promise<void> {
    try {
      do {
        again = false;
        await runOnce();
      } while (again && !stopped);
    } catch (error) {
      // The database may be briefly unreachable; the next poll tries again.
      logger.warn({ err: { name: (error as Error).name, message: (error as Error).message } }, 'push sender pass failed');
    } finally {
      running = null;
    }
  }

  const sender: PushSender = {
    id,
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setInterval(() => sender.kick(), deps.pollMs ?? POLL_MS);
      timer.unref();
      sender.kick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    kick() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = loop();
    },
    runOnce,
    onSent: undefined,
  };
  return sender;
}
