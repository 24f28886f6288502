/**
 * The listening feature through the push channel (issue 12's contract): a ping when someone asks
 * for a turn or shares a bad day (kind only, never words), and a reminder at the time picked to
 * talk or to come back after a pause (the server learns when, for whom, and an opaque id kept in
 * the encrypted turn). Best effort: offline, or on an instance without push, Today still shows it.
 */
import { call, client } from '../../platform/api.ts';

const MAX_RECIPIENTS = 20;

export function ping(spaceId: string, kind: 'listening' | 'bad-day' | 'reply', to: readonly string[]): void {
  if (to.length === 0) return;
  void call(client.api.spaces[':spaceId'].push.$post({ param: { spaceId }, json: { kind, to: to.slice(0, MAX_RECIPIENTS) } })).catch(() => undefined);
}

export async function scheduleReminder(spaceId: string, id: string, at: number, to: readonly string[]): Promise<void> {
  try {
    await call(client.api.spaces[':spaceId'].push.schedule.$post({ param: { spaceId }, json: { at, to: [...to], id, kind: 'listening' } }));
  } catch (error) {
    console.warn('listening reminder not set', (error as Error).message);
  }
}

export async function dropReminder(spaceId: string, id: string): Promise<void> {
  try {
    await call(client.api.spaces[':spaceId'].push.schedule[':id'].$delete({ param: { spaceId, id } }));
  } catch (error) {
    console.warn('listening reminder not removed', (error as Error).message);
  }
}
