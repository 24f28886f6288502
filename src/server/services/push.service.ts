/**
 * Web Push rules: the key, a device's subscription (one per session), and the partner ping
 * (thinking-of-you, reply) that the client sends right after writing its encrypted record.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { PUSH_SCHEDULE_MAX_AHEAD_MS, type PushPingBody, type PushScheduleBody, type PushSubscriptionBody } from '../../shared/api.ts';
import { AppError } from '../http/errors.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import { nextReminder } from '../push/outbox.ts';
import { isValidTimeZone } from '../push/schedule.ts';
import type { ServiceDeps } from './common.ts';
import { requireActiveMember } from './spaces.service.ts';

/**
 * Pings one member may send per rate-limit window (15 minutes, the window every limit shares):
 * enough for a conversation of replies, not for a loop of taps.
 */
export const PUSH_PING_MAX = 10;

/** Plan reminders one member may set, move or cancel per window: a busy evening of planning, not a flood. */
export const PUSH_SCHEDULE_MAX = 60;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An endpoint the sender may post to: https to a named host (never an IP literal or a local name,
 * so a subscription cannot aim the server at its own network), or, in tests, http to this machine.
 */
export function isAcceptableEndpoint(endpoint: string, allowInsecure: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash) return false;
  if (allowInsecure && url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return true;
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return false;
  if (!host.includes('.') || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return false;
  return true;
}

export function createPushService(deps: ServiceDeps & { rateLimiter: RateLimiter }) {
  const { store, now } = deps;

  function requirePush() {
    if (!deps.push) throw new AppError('push-disabled');
    return deps.push;
  }

  return {
    publicKey(): string {
      return requirePush().publicKey;
    },

    /** Creates or replaces this session's subscription (a device has one). */
    async subscribe(auth: { userId: string; sessionId: string }, body: z.infer<typeof PushSubscriptionBody>): Promise<void> {
      const push = requirePush();
      if (!isAcceptableEndpoint(body.endpoint, push.allowInsecureEndpoints)) throw new AppError('push-endpoint-invalid');
      if (!isValidTimeZone(body.prefs.timeZone)) throw new AppError('push-time-zone-invalid');
      const at = now();
      await store.repos.push.upsert({
        id: randomUUID(),
        session_id: auth.sessionId,
        user_id: auth.userId,
        endpoint: body.endpoint,
        p256dh: body.keys.p256dh,
        auth: body.keys.auth,
        prefs: JSON.stringify(body.prefs),
        next_reminder_at: nextReminder(body.prefs, at),
        created_at: at,
        updated_at: at,
      });
      // Reminders set before this device said yes (a date planned last week) reach it too.
      await push.catchUp(auth.userId, auth.sessionId);
    },

    /** Idempotent; works with push off too (a device turning it off must always succeed). */
    async unsubscribe(sessionId: string): Promise<void> {
      await store.repos.push.deleteForSession(sessionId);
    },

    /** Tells the named members' devices that the caller sent a thinking-of-you or a reply. */
    async ping(userId: string, spaceId: string, body: z.infer<typeof PushPingBody>): Promise<void> {
      const push = requirePush();
      await requireActiveMember(store, spaceId, userId);
      const members = await store.repos.spaces.listMemberRows(spaceId);
      const active = new Set(members.filter((m) => m.status === 'active' && m.user_id !== userId).map((m) => m.user_id));
      if (!body.to.every((id) => active.has(id))) throw new AppError('forbidden', 'Only other active members of this place can be told.');
      await deps.rateLimiter.hit('push-ping', PUSH_PING_MAX, [{ kind: 'account', value: userId }]);
      await push.enqueue(body.kind, body.to, spaceId);
    },

    /**
     * A plan's reminder for the named members (the caller may be one of them): any active member
     * of a shared place may set, move or cancel it. The server learns when, and for whom; the
     * plan itself stays in its encrypted record.
     */
    async schedule(userId: string, spaceId: string, body: z.infer<typeof PushScheduleBody>): Promise<void> {
      const push = requirePush();
      await requireActiveMember(store, spaceId, userId);
      const members = await store.repos.spaces.listMemberRows(spaceId);
      const active = new Set(members.filter((m) => m.status === 'active').map((m) => m.user_id));
      if (!body.to.every((id) => active.has(id))) throw new AppError('forbidden', 'Only active members of this place can be reminded.');
      const at = now();
      // A minute of grace for a clock slightly behind; no further than a year ahead.
      if (body.at < at - 60_000 || body.at > at + PUSH_SCHEDULE_MAX_AHEAD_MS) throw new AppError('push-time-invalid');
      await deps.rateLimiter.hit('push-schedule', PUSH_SCHEDULE_MAX, [{ kind: 'account', value: userId }]);
      await push.schedule([...new Set(body.to)], spaceId, body.id, body.at, body.kind ?? 'plan');
    },

    async unschedule(userId: string, spaceId: string, id: string): Promise<void> {
      const push = requirePush();
      await requireActiveMember(store, spaceId, userId);
      await deps.rateLimiter.hit('push-schedule', PUSH_SCHEDULE_MAX, [{ kind: 'account', value: userId }]);
      await push.unschedule(spaceId, id);
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;
