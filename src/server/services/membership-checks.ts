/**
 * The server checks what is public in a space's membership before it stores it: structure,
 * signatures and the chain of membership entries, and members' signed departures. None of it is
 * secret (keys and signatures only), and checking it here means one member's device, buggy or
 * hostile, cannot break the space's verified history for everyone else. Clients still verify
 * everything themselves (docs/crypto.md): these checks protect the log, they are not trusted.
 */
import { equalBytes } from '../../crypto/bytes.ts';
import { openDeparture, type Departure } from '../../crypto/departure.ts';
import { entryHash, openMembershipEntry, verifyMembershipStep, type MemberKeys } from '../../crypto/membership.ts';
import { AppError } from '../http/errors.ts';

export interface PublicKeysOf {
  userId: string;
  x25519: Uint8Array;
  ed25519: Uint8Array;
}

function refuse(message: string): never {
  throw new AppError('membership-invalid', message);
}

function sameMembers(signed: readonly MemberKeys[], expected: readonly PublicKeysOf[]): boolean {
  if (signed.length !== expected.length) return false;
  return expected.every((e) => signed.some((m) => m.userId === e.userId && equalBytes(m.x25519, e.x25519) && equalBytes(m.ed25519, e.ed25519)));
}

/**
 * A new space's first entry: 'create' at epoch 1, signed by its creator, who is its only member
 * with the keys of their account.
 */
export function checkCreateEntry(spaceId: string, entry: Uint8Array, creator: PublicKeysOf): void {
  let step;
  try {
    step = verifyMembershipStep(spaceId, undefined, entry);
  } catch {
    refuse('The membership entry does not verify.');
  }
  if (step.by !== creator.userId || !sameMembers(step.members, [creator])) refuse('The first entry must list only its signer, with their keys.');
}

/**
 * The next entry of a space's log: it extends the stored chain (signed by `by`, a member of the
 * previous entry), introduces exactly `epoch`, and lists exactly `members` with the keys their
 * accounts hold.
 */
export function checkNextEntry(input: {
  spaceId: string;
  previous: Uint8Array;
  entry: Uint8Array;
  by: string;
  epoch: number;
  members: readonly PublicKeysOf[];
}): void {
  let step;
  try {
    const prev = { entry: openMembershipEntry(input.previous).entry, bytes: input.previous };
    step = verifyMembershipStep(input.spaceId, prev, input.entry);
  } catch {
    refuse('The membership entry does not extend this space’s history.');
  }
  if (step.by !== input.by) refuse('The entry must be signed by the member who sends it.');
  if (step.epoch !== input.epoch) refuse('The entry must introduce the epoch it is sent with.');
  if (!sameMembers(step.members, input.members)) refuse('The entry must list exactly the members the new key is sealed to.');
}

/**
 * A member's departure from a space: signed with their account's key, naming this space and this
 * member, and pointing at an entry of the space's history (`logEntries`, oldest first).
 */
export function checkDeparture(input: { spaceId: string; member: PublicKeysOf; departure: Uint8Array; logEntries: readonly Uint8Array[] }): Departure {
  let statement;
  try {
    statement = openDeparture(input.departure, input.member.ed25519);
  } catch {
    refuse('The departure does not verify.');
  }
  if (statement.spaceId !== input.spaceId || statement.userId !== input.member.userId) refuse('The departure names another space or member.');
  if (!input.logEntries.some((bytes) => equalBytes(entryHash(bytes), statement.head))) refuse('The departure points at no entry of this space’s history.');
  return statement;
}
