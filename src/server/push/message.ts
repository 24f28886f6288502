/**
 * The push message plaintext: a kind and opaque ids, nothing anyone typed, padded with spaces to
 * one size so its length says nothing either (web-push encrypts it, RFC 8291).
 */
import type { PushKind } from '../../shared/api.ts';

export const PUSH_PAYLOAD_BYTES = 256;
/** How long a push service keeps a message for a device that is offline. */
export const PUSH_TTL_SECONDS = 24 * 60 * 60;

export function pushPayload(kind: PushKind, spaceId: string, opaqueId: string): Buffer {
  const json = JSON.stringify({ v: 1, k: kind, s: spaceId, i: opaqueId });
  // Ids are UUIDs (36 characters): the JSON is under 130 bytes, far from the padded size.
  if (Buffer.byteLength(json) > PUSH_PAYLOAD_BYTES) throw new Error('push payload too large');
  return Buffer.from(json.padEnd(PUSH_PAYLOAD_BYTES, ' '));
}
