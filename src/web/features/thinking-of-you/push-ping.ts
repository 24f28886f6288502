/**
 * After a notice or a reply is written, asks the server to send the recipients a push (issue 12):
 * only the kind and who, never what (the record itself stays encrypted). Best effort: offline, on
 * an instance without push or when rate-limited it fails quietly, and the card on Today still
 * shows the next time they open the app.
 */
import { call, client } from '../../platform/api.ts';

/** The server takes at most this many recipients per ping (src/shared/api.ts PushPingBody). */
const MAX_RECIPIENTS = 20;

export function pingRecipients(spaceId: string, kind: 'thinking' | 'reply', to: readonly string[]): void {
  if (to.length === 0) return;
  void call(client.api.spaces[':spaceId'].push.$post({ param: { spaceId }, json: { kind, to: to.slice(0, MAX_RECIPIENTS) } })).catch(() => undefined);
}
