/**
 * Errors (one per code the app knows) and the words of the formatting helpers.
 * The catalog API and its voice: platform/i18n/translator.ts.
 */
import { translator, type Catalog } from './i18n/translator.ts';

export const platformMessages = {
  'time.justNow': 'just now',
  'errors.bad-request': 'Something in this form was not accepted. Please check it and try again.',
  'errors.invalid-json': 'Something went wrong while sending this. Please try again.',
  'errors.payload-too-large': 'This is too large to save. Try making it shorter.',
  'errors.unsupported-media-type': 'Something went wrong while sending this. Please try again.',
  'errors.unauthenticated': 'You have been signed out. Please sign in again.',
  'errors.invalid-credentials': 'That email and password do not match. Check both and try again.',
  'errors.invalid-recovery-code': 'That email and recovery code do not match. Check both and try again.',
  'errors.csrf-rejected': 'This was blocked for your safety. Please reload the page and try again.',
  'errors.forbidden': 'You do not have access to this.',
  'errors.not-found': 'We could not find this. It may have been removed.',
  'errors.invite-not-found': 'We could not find this invite.',
  'errors.invite-expired': 'This invite has expired. Invites work for 48 hours.',
  'errors.invite-used': 'This invite has already been used. Each link works once.',
  'errors.invite-revoked': 'This invite was withdrawn by the person who made it.',
  'errors.email-taken': 'There is already an account with this email. Try signing in instead.',
  'errors.id-taken': 'Something clashed while saving. Please try again.',
  'errors.already-member': 'You are already a member of this place.',
  'errors.personal-space': 'Just me is only for you, so this is not possible there.',
  'errors.stale-epoch': 'This place was just updated for its members. Please try again in a moment.',
  'errors.rotation-required': 'This place is being updated for its members. Please try again in a moment.',
  'errors.epoch-conflict': 'This place was just updated for its members. Please try again in a moment.',
  'errors.members-mismatch': 'The members of this place changed just now. Please try again.',
  'errors.departure-required': 'Your shared places changed just now. Please try again.',
  'errors.record-conflict': 'This changed on another device at the same time. Please try again.',
  'errors.not-participant':
    'This exercise is for the people it was started with, and you are not one of them.',
  'errors.round-closed': 'This exercise is closed now, so nothing more can be added to it.',
  'errors.already-submitted': 'Your answers are already in. Nothing was changed.',
  'errors.push-disabled': 'Notifications are turned off on this server.',
  'errors.push-endpoint-invalid': 'This browser offered a way to notify you that this server cannot use. Notifications stay off on this device.',
  'errors.push-time-invalid': 'A reminder can be set for a time between now and a year ahead.',
  'errors.push-time-zone-invalid': 'This device’s time zone was not recognised. Please check the time zone and try again.',
  'errors.run-open': 'A match between you two is already under way. You can follow it below.',
  'errors.too-soon': 'You matched a few minutes ago. You can match again a little later.',
  'errors.run-closed': 'This match has ended, so nothing more can be added to it.',
  'errors.phase-not-ready': 'The other side is not quite ready yet. This carries on by itself.',
  'errors.rate-limited': 'Too many tries for now. Please wait a few minutes, then try again.',
  'errors.signup-closed':
    'This Innermost is not open for new accounts. Ask whoever runs Innermost for you for a sign-up link, or join through an invitation from someone already here.',
  'errors.signup-link-invalid':
    'This sign-up link has been used already or has run out. Ask whoever runs Innermost for you for a new one.',
  'errors.storage-full-person':
    'You have used all the room this Innermost gives each person, so this is waiting on this device. Ask whoever runs Innermost for you about more room.',
  'errors.storage-full-space':
    'This shared place is full, so this is waiting on this device. Ask whoever runs Innermost for you about more room.',
  'errors.too-many-spaces':
    'You are in as many shared places as this Innermost allows. Leave one you no longer use, or ask whoever runs Innermost for you.',
  'errors.too-many-invites':
    'You have as many invitations open as this Innermost allows. Withdraw one you no longer need, or wait until one is used or runs out.',
  'errors.too-many-writes': 'A lot was saved at once, so Innermost is pacing it. The rest follows in a moment by itself.',
  'errors.wrong-host': 'This address is not the one this Innermost answers to. Please open it from its usual address.',
  'errors.internal': 'Something went wrong on the server. Please try again in a moment.',
  'errors.unavailable': 'The server is busy or being updated. Please try again in a moment.',
  'errors.network': 'Could not reach the server. Check your connection and try again.',
  'errors.offline':
    'You are offline, and this needs a connection. Please try again when you are back online.',
  'errors.kdf-params-too-weak':
    'The server asked for weaker password protection than Innermost allows, so we stopped to keep you safe. Please tell whoever runs this server.',
  'errors.recovery-code-malformed':
    'This does not look like a recovery code. Check it against what you wrote down.',
  'errors.invite-link-malformed': 'This invite link is incomplete.',
  'errors.invite-mac-invalid': 'This invite could not be verified, so nobody was let in. Ask for a new link.',
  'errors.membership-invalid':
    'The members of this place could not be verified on this device. Please don’t share anything sensitive here, and compare safety codes.',
  'errors.decrypt-failed':
    'Something could not be unlocked on this device. Please reload. If it keeps happening, sign out and sign in again.',
  'errors.wrong-password': 'That password is not right. Please try again.',
  'errors.platform-unlock-failed': 'That did not open Innermost. You can try again, or use your PIN or password.',
  'errors.unknown': 'Something went wrong. Please try again.',
} as const satisfies Catalog;

const catalog = { ...platformMessages };
export type MessageKey = Extract<keyof typeof catalog, string>;
export const { t, has } = translator(catalog);
