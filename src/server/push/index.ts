/**
 * Web Push for one app server: the VAPID identity, the outbox (enqueue) and the sender loop.
 * Absent (undefined) when the instance runs with PUSH=off.
 */
import type { Logger } from 'pino';
import type { PushKind } from '../../shared/api.ts';
import type { Database } from '../db/open.ts';
import { createStore } from '../repos/store.ts';
import { enqueueFor, notBefore, outboxRow, parsePrefs, wants } from './outbox.ts';
import { type PushSender, type PushTransport, createPushSender } from './sender.ts';
import type { VapidKeys } from './vapid.ts';

export interface PushOptions {
  database: Database;
  logger: Logger;
  now?: (() => number) | undefined;
  keys: VapidKeys;
  subject: string;
  /** Tests only: accept http://127.0.0.1 / http://localhost endpoints. */
  allowInsecureEndpoints?: boolean | undefined;
  transport?: PushTransport | undefined;
  pollMs?: number | undefined;
}

export interface Push {
  readonly publicKey: string;
  readonly allowInsecureEndpoints: boolean;
  readonly sender: PushSender;
  /**
   * Queues `kind` for the devices of `userIds` that want it and wakes the sender. Call after the
   * write that caused it has committed; never throws (a push is a courtesy: the app also shows
   * the change on Today), failures are logged.
   */
  enqueue(kind: PushKind, userIds: string[], spaceId: string, opaqueId?: string): Promise<void>;
  /**
   * A plan's (or a listening turn's) reminder: replaces every earlier one with this opaque id in this space, then queues
   * `kind` ('plan' unless said) for the devices of `userIds` that want it, not before `at`. Throws on failure
   * (the caller asked for it and should know).
   */
  schedule(userIds: string[], spaceId: string, opaqueId: string, at: number, kind?: 'plan' | 'listening'): Promise<void>;
  /** Removes a plan's reminders not yet sent. */
  unschedule(spaceId: string, opaqueId: string): Promise<void>;
  /** Queues for this session's device the reminders already scheduled for its person (it subscribed later). */
  catchUp(userId: string, sessionId: string): Promise<void>;
}

export function createPush(options: PushOptions): Push {
  const store = createStore(options.database);
  const now = options.now ?? Date.now;
  const sender = createPushSender({
    store,
    logger: options.logger,
    now,
    vapid: { keys: options.keys, subject: options.subject },
    transport: options.transport,
    pollMs: options.pollMs,
  });
  return {
    publicKey: options.keys.publicKey,
    allowInsecureEndpoints: options.allowInsecureEndpoints ?? false,
    sender,
    async enqueue(kind, userIds, spaceId, opaqueId = '') {
      if (userIds.length === 0) return;
      try {
        if ((await enqueueFor(store.repos, kind, userIds, spaceId, opaqueId, now())) > 0) sender.kick();
      } catch (error) {
        options.logger.warn({ err: { name: (error as Error).name, message: (error as Error).message }, kind }, 'push enqueue failed');
      }
    },
    async schedule(userIds, spaceId, opaqueId, at, kind = 'plan') {
      const t = now();
      const people = [...new Set(userIds)];
      await store.transaction(async (repos) => {
        await repos.push.deleteScheduled(spaceId, opaqueId);
        await repos.push.deleteSchedule(spaceId, opaqueId);
        await repos.push.pruneScheduleOf(people, t);
        // Kept per person too, for a device that turns notifications on later (catchUp).
        await repos.push.addSchedule(people.map((user_id) => ({ space_id: spaceId, opaque_id: opaqueId, user_id, kind, at, created_at: t })));
        await enqueueFor(repos, kind, people, spaceId, opaqueId, t, at);
      });
    },
    async unschedule(spaceId, opaqueId) {
      await store.transaction(async (repos) => {
        await repos.push.deleteScheduled(spaceId, opaqueId);
        await repos.push.deleteSchedule(spaceId, opaqueId);
      });
    },
    async catchUp(userId, sessionId) {
      const t = now();
      await store.transaction(async (repos) => {
        const subscription = await repos.push.forSession(sessionId);
        const prefs = subscription ? parsePrefs(subscription.prefs) : null;
        if (!subscription || !prefs) return;
        await repos.push.pruneScheduleOf([userId], t);
        const queued = await repos.push.queuedKeysOf(subscription.id);
        const rows = (await repos.push.pendingScheduleOf(userId, t))
          .filter((r) => wants(prefs, r.kind as PushKind) && !queued.has(`${r.space_id} ${r.opaque_id} ${r.kind}`))
          .map((r) => outboxRow(subscription.id, r.kind as PushKind, r.space_id, r.opaque_id, notBefore(prefs, Math.max(r.at, t)), t));
        await repos.push.enqueue(rows);
      });
    },
  };
}
