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
  'errors.already-member': 'You are already a member of this space.',
  'errors.personal-space': 'Your personal space is only for you, so this is not possible there.',
  'errors.stale-epoch': 'This space was just updated for its members. Please try again in a moment.',
  'errors.rotation-required': 'This space is being updated for its members. Please try again in a moment.',
  'errors.epoch-conflict': 'This space was just updated for its members. Please try again in a moment.',
  'errors.members-mismatch': 'The members of this space changed just now. Please try again.',
  'errors.departure-required': 'Your spaces changed just now. Please try again.',
  'errors.record-conflict': 'This changed on another device at the same time. Please try again.',
  'errors.not-participant':
    'This exercise is for the people it was started with, and you are not one of them.',
  'errors.round-closed': 'This exercise is closed now, so nothing more can be added to it.',
  'errors.already-submitted': 'Your answers are already in. Nothing was changed.',
  'errors.rate-limited': 'Too many tries for now. Please wait a few minutes, then try again.',
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
    'The members of this space could not be verified on this device. Please don’t share anything sensitive here, and compare safety codes.',
  'errors.decrypt-failed':
    'Something could not be unlocked on this device. Please reload. If it keeps happening, sign out and sign in again.',
  'errors.wrong-password': 'That password is not right. Please try again.',
  'errors.unknown': 'Something went wrong. Please try again.',
} as const satisfies Catalog;

const catalog = { ...platformMessages };
export type MessageKey = Extract<keyof typeof catalog, string>;
export const { t, has } = translator(catalog);
