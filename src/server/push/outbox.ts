/**
 * Putting messages in the outbox: who gets a kind of event (their devices' choices) and not before
 * when (the end of each device's quiet hours). Called after the write that caused the event has
 * committed; the sender (sender.ts) does the rest.
 */
import { randomUUID } from 'node:crypto';
import type { PushKind, PushPrefs } from '../../shared/api.ts';
import type { Repos } from '../repos/store.ts';
import type { PushOutboxRow } from '../repos/push.repo.ts';
import { nextDailyAt, quietHoursEnd } from './schedule.ts';

export function parsePrefs(text: string): PushPrefs | null {
  try {
    return JSON.parse(text) as PushPrefs;
  } catch {
    return null;
  }
}

/** The instant a message for this device may go: now, or when its quiet hours end. */
export function notBefore(prefs: PushPrefs, now: number): number {
  return quietHoursEnd(prefs.quietHours, prefs.timeZone, now) ?? now;
}

/** When the device's daily reminder is next due after `now`, or null when it has none. */
export function nextReminder(prefs: PushPrefs, now: number): number | null {
  if (!prefs.events.reminder || !prefs.reminderAt) return null;
  return nextDailyAt(prefs.reminderAt, prefs.timeZone, now);
}

export function outboxRow(subscriptionId: string, kind: PushKind, spaceId: string, opaqueId: string, at: number, now: number): PushOutboxRow {
  return {
    id: randomUUID(),
    subscription_id: subscriptionId,
    kind,
    space_id: spaceId,
    opaque_id: opaqueId,
    not_before: at,
    claimed_by: null,
    claimed_at: null,
    attempts: 0,
    created_at: now,
  };
}

/** Whether a device wants `kind`; a plan's reminder follows the daily reminder's choice on devices that never said. */
export function wants(prefs: PushPrefs, kind: PushKind): boolean {
  if (kind === 'plan') return prefs.events.plan ?? prefs.events.reminder;
  // Kinds newer than a device's choices follow its closest older choice: news from a partner.
  if (kind === 'listening' || kind === 'bad-day') return prefs.events[kind] ?? prefs.events.thinking;
  return prefs.events[kind];
}

/**
 * Queues `kind` for every device of `userIds` that wants it; returns how many were queued. `at`:
 * not before then (a plan's reminder), else now; quiet hours at that time hold it further.
 */
export async function enqueueFor(repos: Repos, kind: PushKind, userIds: string[], spaceId: string, opaqueId: string, now: number, at: number = now): Promise<number> {
  const subscriptions = await repos.push.listForUsers([...new Set(userIds)]);
  const rows: PushOutboxRow[] = [];
  for (const subscription of subscriptions) {
    const prefs = parsePrefs(subscription.prefs);
    if (!prefs || !wants(prefs, kind)) continue;
    rows.push(outboxRow(subscription.id, kind, spaceId, opaqueId, notBefore(prefs, Math.max(at, now)), now));
  }
  await repos.push.enqueue(rows);
  return rows.length;
}
