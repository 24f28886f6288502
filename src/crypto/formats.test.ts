/**
 * Every v1 format, frozen: tests/fixtures/crypto/innermost-v1.json was generated once by this
 * module. Future versions must keep opening these bytes (and deterministic outputs must stay
 * identical), or data already stored by users would become unreadable.
 */
import { describe, expect, it } from 'vitest';
import v1 from '../../tests/fixtures/crypto/innermost-v1.json' with { type: 'json' };
import {
  entryHash,
  openDeparture,
  signDeparture,
  decodeContext,
  decryptDraft,
  decryptEnvelope,
  decryptRoundHeader,
  decryptRecord,
  deriveInviteToken,
  deriveRecoveryKeys,
  formatInviteFragment,
  identityFromSecretKeys,
  inviteMac,
  inviteTokenHash,
  openInviteSecret,
  openMembershipEntry,
  openSpaceKey,
  parseInviteFragment,
  parseRecoveryCode,
  recordContext,
  safetyCode,
  signMembershipEntry,
  signSubmission,
  unwrapIdentity,
  unwrapUserKey,
  verifyAndDecryptSubmission,
  verifyMembershipLog,
  type MemberKeys,
} from './index.ts';
import { hex, unhex } from './test-utils.ts';

const { spaceId, recordId, aliceId, bobId, inviteId } = v1.ids;
const alice = identityFromSecretKeys(unhex(v1.identities.alice.x25519SecretKeyHex), unhex(v1.identities.alice.ed25519SecretKeyHex));
const bob = identityFromSecretKeys(unhex(v1.identities.bob.x25519SecretKeyHex), unhex(v1.identities.bob.ed25519SecretKeyHex));
const aliceKeys: MemberKeys = { userId: aliceId, x25519: alice.x25519.publicKey, ed25519: alice.ed25519.publicKey };
const bobKeys: MemberKeys = { userId: bobId, x25519: bob.x25519.publicKey, ed25519: bob.ed25519.publicKey };

describe('v1 formats stay readable', () => {
  it('identity public keys', () => {
    expect(hex(alice.x25519.publicKey)).toBe(v1.identities.alice.x25519PublicKeyHex);
    expect(hex(alice.ed25519.publicKey)).toBe(v1.identities.alice.ed25519PublicKeyHex);
    expect(hex(bob.x25519.publicKey)).toBe(v1.identities.bob.x25519PublicKeyHex);
    expect(hex(bob.ed25519.publicKey)).toBe(v1.identities.bob.ed25519PublicKeyHex);
  });

  it('context encoding', () => {
    const encoded = recordContext({ spaceId, recordId, authorId: aliceId, epoch: 2 });
    expect(hex(encoded)).toBe(v1.context.encodedHex);
    expect(decodeContext(encoded)).toEqual({ label: v1.context.label, fields: v1.context.fields });
  });

  it('envelope', () => {
    expect(hex(decryptEnvelope(unhex(v1.envelope.keyHex), unhex(v1.envelope.envelopeHex), unhex(v1.envelope.adHex)))).toBe(v1.envelope.plaintextHex);
  });

  it('record', () => {
    const body = decryptRecord({
      spaceKey: unhex(v1.record.spaceKeyHex),
      spaceId,
      recordId,
      authorId: aliceId,
      epoch: v1.record.epoch,
      ciphertext: unhex(v1.record.ciphertextHex),
    });
    expect(hex(body)).toBe(v1.record.bodyHex);
  });

  it('wrapped user key and wrapped identity', () => {
    const uk = unwrapUserKey(unhex(v1.userKey.masterKeyHex), 'master', aliceId, unhex(v1.userKey.wrappedByMasterHex));
    expect(hex(uk)).toBe(v1.userKey.ukHex);
    const id = unwrapIdentity(unhex(v1.wrappedIdentity.ukHex), aliceId, unhex(v1.wrappedIdentity.wrappedHex));
    expect(hex(id.ed25519.publicKey)).toBe(v1.identities.alice.ed25519PublicKeyHex);
    expect(hex(id.x25519.secretKey)).toBe(v1.identities.alice.x25519SecretKeyHex);
  });

  it('sealed space key', () => {
    const key = openSpaceKey({
      sealed: unhex(v1.sealedSpaceKey.sealedHex),
      spaceId,
      epoch: v1.sealedSpaceKey.epoch,
      recipientUserId: bobId,
      recipientSecretKey: bob.x25519.secretKey,
      senderUserId: aliceId,
      senderVerifyKey: alice.ed25519.publicKey,
    });
    expect(hex(key)).toBe(v1.sealedSpaceKey.spaceKeyHex);
  });

  it('invite link, token, token hash, MAC and sealed secret', () => {
    const secret = unhex(v1.invite.secretHex);
    expect(formatInviteFragment(inviteId, secret)).toBe(v1.invite.fragment);
    expect(hex(parseInviteFragment(`#${v1.invite.fragment}`).secret)).toBe(v1.invite.secretHex);
    expect(hex(deriveInviteToken(secret))).toBe(v1.invite.tokenHex);
    expect(hex(inviteTokenHash(unhex(v1.invite.tokenHex)))).toBe(v1.invite.tokenHashHex);
    const mac = inviteMac({ secret, inviteId, spaceId, userId: bobId, publicKeys: { x25519: bob.x25519.publicKey, ed25519: bob.ed25519.publicKey } });
    expect(hex(mac)).toBe(v1.invite.macHex);
    const opened = openInviteSecret({ spaceKey: unhex(v1.record.spaceKeyHex), spaceId, inviteId, epoch: 2, sealed: unhex(v1.invite.sealedSecretHex) });
    expect(hex(opened)).toBe(v1.invite.secretHex);
  });

  it('recovery code and keys', () => {
    expect(hex(parseRecoveryCode(v1.recovery.text))).toBe(v1.recovery.codeHex);
    const keys = deriveRecoveryKeys(unhex(v1.recovery.codeHex), v1.recovery.email);
    expect(hex(keys.recoveryKey)).toBe(v1.recovery.recoveryKeyHex);
    expect(hex(keys.recoveryAuth)).toBe(v1.recovery.recoveryAuthHex);
  });

  it('membership log (Ed25519 is deterministic, so re-signing gives the same bytes)', () => {
    const entries = v1.membership.entriesHex.map(unhex);
    const state = verifyMembershipLog(spaceId, entries);
    expect(state.epoch).toBe(v1.membership.epoch);
    expect(state.members.map((m) => m.userId)).toEqual(v1.membership.memberIds);
    for (const bytes of entries) {
      const { entry } = openMembershipEntry(bytes);
      expect(hex(signMembershipEntry(entry, alice.ed25519.secretKey))).toBe(hex(bytes));
    }
  });

  it('safety code (v2: covers the head of the membership history)', () => {
    const head = entryHash(unhex(v1.membership.entriesHex.at(-1)!));
    expect(safetyCode(spaceId, [bobKeys, aliceKeys], head)).toBe(v1.safetyCode.code);
  });

  it('departure (Ed25519 is deterministic, so re-signing gives the same bytes)', () => {
    const head = entryHash(unhex(v1.membership.entriesHex.at(-1)!));
    const bytes = unhex(v1.departure.hex);
    expect(openDeparture(bytes, bob.ed25519.publicKey)).toEqual({ spaceId, userId: bobId, head, erase: false });
    expect(hex(signDeparture({ spaceId, userId: bobId, head, erase: false }, bob.ed25519.secretKey))).toBe(v1.departure.hex);
  });

  it('round header, submission (Ed25519 is deterministic: re-signing gives the same bytes) and draft', () => {
    const spaceKey = unhex(v1.record.spaceKeyHex);
    const { roundId, epoch, creatorId } = v1.round;
    const header = decryptRoundHeader({ spaceKey, spaceId, roundId, epoch, creatorId, ciphertext: unhex(v1.round.headerCiphertextHex) });
    expect(hex(header)).toBe(v1.round.headerHex);
    const ciphertext = unhex(v1.round.submissionCiphertextHex);
    const sub = { spaceId, roundId, epoch, authorId: creatorId, ciphertext };
    const body = verifyAndDecryptSubmission({ spaceKey, verifyKey: alice.ed25519.publicKey, ...sub, signature: unhex(v1.round.submissionSignatureHex) });
    expect(hex(body)).toBe(v1.round.submissionBodyHex);
    expect(hex(signSubmission({ signingKey: alice.ed25519.secretKey, ...sub }))).toBe(v1.round.submissionSignatureHex);
    const draft = decryptDraft({ userKey: unhex(v1.userKey.ukHex), userId: aliceId, key: v1.round.draftKey, ciphertext: unhex(v1.round.draftCiphertextHex) });
    expect(hex(draft)).toBe(v1.round.draftBodyHex);
  });
});
