/**
 * The space actions (see SpaceActions in actions.ts), loaded on demand: creating a space with its
 * first key and signed membership entry, invites (the secret only ever in the link's fragment),
 * joining, safety codes, leaving and removing. Each finishes or throws an ActionError.
 */
import type { InviteInfo } from '../../shared/api.ts';
import { fromB64, toB64 } from '../../shared/base64.ts';
import { uuidv7 } from '../../shared/ids.ts';
import {
  deriveInviteToken,
  formatInviteFragment,
  generateInviteSecret,
  inviteMac,
  inviteTokenHash,
  openInviteSecret,
  parseInviteFragment,
  sealInviteSecret,
} from '../../crypto/invite.ts';
import { signMembershipEntry } from '../../crypto/membership.ts';
import { safetyCode } from '../../crypto/safety-code.ts';
import { generateSpaceKey, sealSpaceKey } from '../../crypto/space-keys.ts';
import { ActionError } from '../platform/errors/action-error.ts';
import { call, client } from '../platform/api.ts';
import { engine } from '../sync/index.ts';
import { syncState } from '../sync/status.ts';
import { keyring, requireKeyring } from '../vault/keyring.ts';
import type { SpaceActions } from './actions.ts';
import { profileKind, spaceNameKind } from './kinds.ts';
import { removedSpaceIds } from './store.ts';
import type { InviteView } from './types.ts';
import { deferProfile } from './views.ts';
import { splitInviteFragment, withInviterName } from './invite-link.ts';
import { personalSpaceId } from './my-spaces.ts';
import { spaces } from './store.ts';
import { myDefaultProfile } from './names.ts';

type Profile = { displayName: string; pronouns: string };


/** The name the invitee sees on the invite: mine in this space, else the one I set once. */
function inviterName(spaceId: string): string | null {
  return spaces.value.find((s) => s.id === spaceId)?.myProfile?.displayName ?? myDefaultProfile()?.displayName ?? null;
}

function sameProfile(a: Profile | null | undefined, b: Profile | null | undefined): boolean {
  return !!a && !!b && a.displayName === b.displayName && a.pronouns === b.pronouns;
}

function spaceKeyFor(spaceId: string, epoch?: number): { key: Uint8Array; epoch: number } {
  const state = engine.spaceState(spaceId);
  if (!state) throw new ActionError('not-found');
  const e = epoch ?? state.epoch;
  const key = state.keys.get(e);
  if (!key) throw new ActionError('rotation-required');
  return { key, epoch: e };
}

function inviteView(spaceId: string, invite: InviteInfo): InviteView {
  let url: string | null = null;
  if (invite.status === 'open') {
    const state = engine.spaceState(spaceId);
    const key = state?.keys.get(invite.epoch);
    if (key) {
      try {
        const secret = openInviteSecret({ spaceKey: key, spaceId, inviteId: invite.id, epoch: invite.epoch, sealed: fromB64(invite.sealedSecret) });
        url = withInviterName(`${location.origin}/join#${formatInviteFragment(invite.id, secret)}`, inviterName(spaceId));
      } catch {
        url = null;
      }
    }
  }
  return { id: invite.id, createdAt: invite.createdAt, expiresAt: invite.expiresAt, status: invite.status, url };
}

function parseFragment(fragment: string) {
  try {
    return parseInviteFragment(splitInviteFragment(fragment).invite);
  } catch {
    throw new ActionError('invite-link-malformed');
  }
}

export const actions: SpaceActions = {
  async createSpace({ name, displayName, pronouns }) {
    const r = requireKeyring();
    const spaceId = uuidv7();
    const spaceKey = generateSpaceKey();
    const sealedKey = sealSpaceKey({
      spaceKey,
      spaceId,
      epoch: 1,
      recipientUserId: r.userId,
      recipientPublicKey: r.identity.x25519.publicKey,
      senderUserId: r.userId,
      senderSigningKey: r.identity.ed25519.secretKey,
    });
    const membershipEntry = signMembershipEntry(
      {
        spaceId,
        epoch: 1,
        action: 'create',
        by: r.userId,
        members: [{ userId: r.userId, x25519: r.identity.x25519.publicKey, ed25519: r.identity.ed25519.publicKey }],
        prevHash: new Uint8Array(32),
        at: Date.now(),
      },
      r.identity.ed25519.secretKey,
    );
    await call(client.api.spaces.$post({ json: { id: spaceId, sealedKey: toB64(sealedKey), membershipEntry: toB64(membershipEntry) } }));
    await engine.syncNow();
    if (name.trim()) await engine.write(spaceId, spaceNameKind, { name: name.trim() });
    const profile = displayName.trim() ? { displayName: displayName.trim(), pronouns: pronouns.trim() } : myDefaultProfile();
    if (profile) await engine.write(spaceId, profileKind, profile);
    // The first name someone gives becomes the one every space uses.
    if (profile && !myDefaultProfile()) await actions.setMyName(profile);
    return { spaceId };
  },

  async setSpaceName(spaceId, name) {
    await engine.write(spaceId, spaceNameKind, { name: name.trim() });
  },

  async setProfile(spaceId, { displayName, pronouns }) {
    const profile = { displayName: displayName.trim(), pronouns: pronouns.trim() };
    const state = engine.spaceState(spaceId);
    const mine = state?.summary.members.find((m) => m.userId === keyring()?.userId);
    if (state && mine?.status === 'pending') {
      await deferProfile(spaceId, profile);
      return;
    }
    await engine.write(spaceId, profileKind, profile);
  },

  async setMyName({ displayName, pronouns }) {
    const profile = { displayName: displayName.trim(), pronouns: pronouns.trim() };
    const personal = personalSpaceId();
    if (!personal) throw new ActionError('not-found');
    const before = myDefaultProfile();
    await engine.write(personal, profileKind, profile);
    // Spaces where I did not choose another name follow the new one.
    for (const space of spaces.value) {
      if (space.kind !== 'shared' || (space.myProfile && !sameProfile(space.myProfile, before))) continue;
      if (sameProfile(space.myProfile, profile)) continue;
      await actions.setProfile(space.id, profile);
    }
  },

  async createInvite(spaceId) {
    const { key, epoch } = spaceKeyFor(spaceId);
    const inviteId = uuidv7();
    const secret = generateInviteSecret();
    const tokenHash = inviteTokenHash(deriveInviteToken(secret));
    const sealedSecret = sealInviteSecret({ spaceKey: key, spaceId, inviteId, epoch, secret });
    const { invite } = await call(
      client.api.spaces[':spaceId'].invites.$post({ param: { spaceId }, json: { id: inviteId, tokenHash: toB64(tokenHash), sealedSecret: toB64(sealedSecret) } }),
    );
    return { ...inviteView(spaceId, invite), url: withInviterName(`${location.origin}/join#${formatInviteFragment(inviteId, secret)}`, inviterName(spaceId)) };
  },

  async listInvites(spaceId) {
    const { invites } = await call(client.api.spaces[':spaceId'].invites.$get({ param: { spaceId } }));
    return invites.map((invite) => inviteView(spaceId, invite)).sort((a, b) => b.createdAt - a.createdAt);
  },

  async revokeInvite(spaceId, inviteId) {
    await call(client.api.spaces[':spaceId'].invites[':inviteId'].$delete({ param: { spaceId, inviteId } }));
  },

  async invitePermit(fragment) {
    const { inviteId, secret } = parseFragment(fragment);
    return { inviteId, token: toB64(deriveInviteToken(secret)) };
  },

  async previewInvite(fragment) {
    const { inviteId, secret } = parseFragment(fragment);
    return call(client.api.invites[':inviteId'].preview.$post({ param: { inviteId }, json: { token: toB64(deriveInviteToken(secret)) } }));
  },

  async acceptInvite(fragment, profile) {
    const r = requireKeyring();
    const { inviteId, secret } = parseFragment(fragment);
    const token = toB64(deriveInviteToken(secret));
    const preview = await call(client.api.invites[':inviteId'].preview.$post({ param: { inviteId }, json: { token } }));
    const mac = inviteMac({
      secret,
      inviteId,
      spaceId: preview.spaceId,
      userId: r.userId,
      publicKeys: { x25519: r.identity.x25519.publicKey, ed25519: r.identity.ed25519.publicKey },
    });
    const result = await call(client.api.invites[':inviteId'].accept.$post({ param: { inviteId }, json: { token, mac: toB64(mac) } }));
    const acceptedAt = Date.now();
    // My name goes in as soon as I am admitted: the one I set once, or the one given here.
    const chosen = profile?.displayName.trim() ? { displayName: profile.displayName.trim(), pronouns: profile.pronouns.trim() } : myDefaultProfile();
    if (chosen) await deferProfile(result.spaceId, chosen);
    if (chosen && !myDefaultProfile()) await engine.write(personalSpaceId()!, profileKind, chosen);
    await engine.syncNow();
    // A member's device may already have checked our keys against the invite and declined us:
    // a sync completed since the accept and the space is not there.
    const synced = (syncState.value.lastSyncedAt ?? 0) >= acceptedAt;
    if (!engine.spaceState(result.spaceId) && (synced || removedSpaceIds.value.has(result.spaceId))) {
      throw new ActionError('invite-mac-invalid');
    }
    return result;
  },

  async safetyCode(spaceId) {
    const state = engine.spaceState(spaceId);
    if (!state) throw new ActionError('not-found');
    if (state.integrityWarning === 'membership' || !state.head) throw new ActionError('membership-invalid');
    return safetyCode(spaceId, state.logMembers, state.head);
  },

  async removeMember(spaceId, userId) {
    await engine.removeMember(spaceId, userId);
  },

  async leaveSpace(spaceId, { erase } = { erase: false }) {
    await call(client.api.spaces[':spaceId'].leave.$post({ param: { spaceId }, json: { departure: await engine.departureFrom(spaceId, { erase }) } }));
    engine.forgetSpace(spaceId);
  },
};
