/**
 * A plan's reminder through the notification channel: the server learns only when to send and to
 * whom (an opaque id made on this device, kept inside the encrypted plan); the push says "plan"
 * and nothing more. Everyone in the plan except those who passed; moved with the plan, removed
 * when it is cancelled. A reminder is a courtesy (the calendar file has its own alarm), so a
 * server with push turned off, or being offline, changes nothing else.
 */
import { call, client } from '../../platform/api.ts';
import type { PlanView } from './views.ts';

/** How long before the plan the reminder goes (the calendar file's alarm uses the same). */
export const REMINDER_BEFORE_MS = 30 * 60_000;

export async function scheduleReminder(spaceId: string, plan: PlanView, now: number = Date.now()): Promise<void> {
  if (!plan.remind) return;
  const to = plan.answers.filter((a) => a.answer !== 'pass').map((a) => a.userId);
  const at = Math.max(plan.at - REMINDER_BEFORE_MS, now);
  try {
    if (plan.cancelled || to.length === 0 || plan.at <= now) {
      await call(client.api.spaces[':spaceId'].push.schedule[':id'].$delete({ param: { spaceId, id: plan.remind } }));
    } else {
      await call(client.api.spaces[':spaceId'].push.schedule.$post({ param: { spaceId }, json: { at, to, id: plan.remind } }));
    }
  } catch (error) {
    console.warn('plan reminder not set', (error as Error).message);
  }
}
