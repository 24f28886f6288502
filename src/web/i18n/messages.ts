/**
 * Every string a person sees or hears (labels, aria-labels, errors, announcements), in one place
 * so the app can be translated later. Keys are flat and dotted; `{name}` is replaced by `t()`.
 * Errors are `errors.<code>` for every code in src/shared/errors.ts and CLIENT_ERROR_CODES.
 *
 * Voice: short, warm, plain words; no pressure, no guilt; "partner or partners", never a
 * gender or a number of people assumed.
 */
export const messages = {
  // ---------- app shell ----------
  'app.name': 'Innermost',
  'app.titleSuffix': '{title} · Innermost',
  'app.skipLink': 'Skip to content',
  'app.loading': 'Opening Innermost…',
  'nav.label': 'Main',
  'nav.today': 'Today',
  'nav.account': 'Account',
  'nav.lock': 'Lock',
  'nav.signIn': 'Sign in',

  'common.show': 'Show',
  'common.hide': 'Hide',
  'common.showPassword': 'Show password',
  'common.hidePassword': 'Hide password',
  'common.tryAgain': 'Try again',
  'common.backHome': 'Back to Today',

  // ---------- form checks (before anything is sent) ----------
  'form.emailMissing': 'Please enter your email.',
  'form.emailInvalid': 'This does not look like an email address yet.',
  'form.passwordMissing': 'Please enter your password.',
  'form.passwordTooShort': 'Please use at least {min} characters.',
  'form.passwordMismatch': 'The two passwords are not the same yet.',
  'form.recoveryCodeMissing': 'Please enter your recovery code.',
  'form.displayNameMissing': 'Please choose a name the others will see.',

  // ---------- fields ----------
  'field.email': 'Email',
  'field.password': 'Password',
  'field.newPassword': 'New password',
  'field.confirmPassword': 'Confirm password',
  'field.confirmNewPassword': 'Confirm new password',
  'field.currentPassword': 'Current password',
  'field.remember': 'Keep me unlocked on this device',
  'field.rememberHint':
    'You will not need your password each time you open Innermost here. Leave this unticked on a shared or public computer.',
  'field.recoveryCode': 'Recovery code',
  'field.recoveryCodeHint': 'As you wrote it down. Spaces, dashes and capitals do not matter.',
  'field.spaceName': 'Name of the space (optional)',
  'field.spaceNameHint': 'For example “Us”, “Sam and Kit”, or anything you like.',
  'field.displayName': 'Your name in this space',
  'field.displayNameHint': 'What the others will call you here. A first name or a nickname is fine.',
  'field.pronouns': 'Your pronouns (optional)',
  'field.pronounsHint': 'In your own words, for example she/her, he/him, they/them, ze/zir, or none.',

  // ---------- password guidance ----------
  'password.hint':
    'Try a passphrase: four or more words you will remember, like “kettle orchard quiet morning”. At least {min} characters.',
  'password.strengthLabel': 'Strength: {level}',
  'password.level.too-short': 'too short',
  'password.level.fair': 'fair, a few more characters would help',
  'password.level.good': 'good',
  'password.level.strong': 'strong',
  'password.level.very-strong': 'very strong',
  'password.common':
    'This is one of the most common passwords, so it is easy to guess. You can still use it, but a few words of your own would be safer.',
  'password.containsEmail': 'It contains your email address, which makes it easier to guess.',

  // ---------- welcome ----------
  'welcome.docTitle': 'Welcome',
  'welcome.title': 'A quiet place to find each other again',
  'welcome.lead':
    'Innermost helps partners rebuild closeness, emotional and physical, at their own pace. It is for when illness, fear or everyday life has put some distance between you.',
  'welcome.body':
    'Answer questions privately, share only when you are ready, and take small, gentle steps together, or on your own for now.',
  'welcome.privacyTitle': 'Private by design',
  'welcome.privacy': 'Only you and the people you invite can read what you write here. Not us, not the server.',
  'welcome.privacyHow': 'Everything is encrypted on your device before it leaves it.',
  'welcome.notTherapy': 'Innermost is not therapy. It can sit alongside it.',
  'welcome.createAccount': 'Create account',
  'welcome.signIn': 'Sign in',

  // ---------- sign up ----------
  'signUp.title': 'Create your account',
  'signUp.intro': 'Your password never leaves this device, so choose one you will remember.',
  'signUp.emailHint': 'Used only to sign you in.',
  'signUp.submit': 'Create account',
  'signUp.busy': 'Creating your account… this can take a few seconds.',
  'signUp.haveAccount': 'Already have an account?',
  'signUp.signInLink': 'Sign in',

  // ---------- recovery code ----------
  'recoveryCode.title': 'Your recovery code',
  'recoveryCode.explain':
    'This code is the only way back to your writing if you forget your password. We cannot reset it for you. Write it down and keep it somewhere safe.',
  'recoveryCode.once': 'It is shown only this once.',
  'recoveryCode.codeLabel': 'Your recovery code',
  'recoveryCode.copy': 'Copy code',
  'recoveryCode.copied': 'Copied',
  'recoveryCode.copyFailed': 'Could not copy. Please select the code and copy it, or write it down.',
  'recoveryCode.print': 'Print',
  'recoveryCode.printHeading': 'Innermost recovery code',
  'recoveryCode.printDate': 'Made on {date}. Keep this paper somewhere safe and private.',
  'recoveryCode.confirmTitle': 'Check you have it',
  'recoveryCode.confirmLabel': 'Type the last two groups of your code',
  'recoveryCode.confirmHint': 'From what you wrote down, not from the screen.',
  'recoveryCode.confirmMismatch': 'That does not match the end of your code yet. Take another look.',
  'recoveryCode.continue': 'Continue',

  // ---------- sign in ----------
  'signIn.title': 'Welcome back',
  'signIn.submit': 'Sign in',
  'signIn.busy': 'Signing in… this can take a few seconds.',
  'signIn.forgot': 'Forgot your password? Use your recovery code',
  'signIn.noAccount': 'New here?',
  'signIn.createLink': 'Create an account',

  // ---------- locked ----------
  'locked.title': 'Innermost is locked',
  'locked.intro': 'Enter your password to open it again.',
  'locked.signedInAs': 'Signed in as {email}',
  'locked.submit': 'Unlock',
  'locked.busy': 'Unlocking…',
  'locked.signOut': 'Sign out',
  'locked.signOutHint':
    'Signing out removes Innermost’s data from this device. It all stays safe and encrypted for when you sign in again.',

  // ---------- recover ----------
  'recover.title': 'Use your recovery code',
  'recover.intro':
    'Enter the code you wrote down when you created your account, then choose a new password. You will get a new recovery code, and the old one will stop working.',
  'recover.submit': 'Set new password',
  'recover.busy': 'Checking your code… this can take a few seconds.',
  'recover.back': 'Back to sign in',

  // ---------- home ----------
  'home.title': 'Today',
  'home.welcome': 'Welcome. This is your private place for closeness, at your own pace.',
  'home.comingTitle': 'What is coming',
  'home.comingIntro': 'Innermost is growing. Coming in the next updates:',
  'home.coming.answers': 'Answer questions privately, then read your answers together when everyone is ready.',
  'home.coming.checkins': 'Short check-ins of how close you feel, emotionally and physically.',
  'home.coming.programs':
    'Guided programs: living with illness, after cancer, when closeness feels scary, and finding your way back after drifting.',
  'home.coming.cards': 'Conversation cards, from light to deep.',
  'home.comingNow': 'For now, you can set up your spaces and invite a partner or partners, whenever you are ready.',
  'home.spacesTitle': 'Your spaces',
  'home.personalTitle': 'Just me',
  'home.personalBody': 'Your personal space. Only you can read it.',
  'home.sharedWith': 'With {names}',
  'home.sharedOnlyYou': 'Only you so far. Invite someone when you are ready.',
  'home.sharedWaiting': 'Waiting for a member’s app to confirm you. This happens on its own.',
  'home.noShared': 'No shared spaces yet. A shared space is where you and a partner, or several partners, meet.',
  'home.createSpace': 'Create a shared space',

  // ---------- sync status ----------
  'sync.label': 'Connection',
  'sync.offline': 'Offline. Your changes are kept on this device and sent when you are back.',
  'sync.pending.one': 'One change waiting to send.',
  'sync.pending.other': '{count} changes waiting to send.',
  'sync.connecting': 'Reconnecting…',
  'sync.upToDate': 'Up to date',

  // ---------- live announcements ----------
  'live.saved': 'Saved',
  'live.savedOffline': 'Saved on this device. It will be sent when you are back online.',
  'live.offline': 'You are offline. Changes are kept on this device.',
  'live.online': 'Back online.',
  'live.reconnecting': 'Waiting to reconnect',
  'live.memberJoined': '{name} joined {space}',
  'live.someoneJoined': 'Someone new joined {space}',
  'live.copied': 'Copied',
  'live.inviteRevoked': 'Invite revoked',
  'live.inviteCreated': 'Invite link ready',
  'live.sessionEnded': 'Signed out of that device',
  'live.otherSessionsEnded': 'Signed out of all other devices',
  'live.passwordChanged': 'Password changed',
  'live.leftSpace': 'You left {space}',
  'live.joined': 'You are in. Welcome to {space}.',
  'live.nameSaved': 'Name saved',

  // ---------- create a space ----------
  'newSpace.title': 'Create a shared space',
  'newSpace.intro': 'A shared space is for you and one partner, or several. You can invite them next.',
  'newSpace.privacy':
    'Who sees this: only the members of this space. It is encrypted on your device, so we cannot read it.',
  'newSpace.submit': 'Create space',
  'newSpace.busy': 'Creating…',

  // ---------- a space ----------
  'space.unnamed': 'Shared space',
  'space.notFoundTitle': 'This space is not here',
  'space.notFoundBody': 'You may have left it, or the link is not quite right.',
  'space.personalBody':
    'Your personal space. Only you can read what you write here. Journaling and check-ins will live here in the next updates.',
  'space.membersTitle': 'Members',
  'space.you': 'you',
  'space.pronouns': '({pronouns})',
  'space.memberNoName': 'A member',
  'space.memberPending': 'Someone opened your invite — confirming their keys…',
  'space.meWaiting':
    'You are waiting for a member’s app to confirm you. This happens on its own in a few seconds when one of them is online.',
  'space.integrity':
    'Something about this space’s members could not be verified on this device. Until it is cleared, please don’t share anything sensitive here, and compare safety codes with the others.',
  'space.profileTitle': 'How the others see you',
  'space.profileWho': 'Only members of this space can see this. It is encrypted.',
  'space.profileSave': 'Save',
  'space.profileSaving': 'Saving…',
  'space.renameSummary': 'Name this space',
  'space.renameSave': 'Save name',
  'space.inviteTitle': 'Invite someone',
  'space.inviteIntro': 'Share a private link with a partner you would like in this space.',
  'space.inviteOpen': 'Invite',
  'space.safetyTitle': 'Safety code',
  'space.safetyIntro': 'Compare a short code with the others to check that nobody else is reading along.',
  'space.safetyLink': 'See the safety code',
  'space.leaveTitle': 'Leave',
  'space.leaveOpen': 'Leave space',

  // ---------- invite dialog ----------
  'invite.dialogTitle': 'Invite to {space}',
  'invite.intro':
    'Anyone with this link can ask to join, so send it only to them, in a private message, or let them scan the code.',
  'invite.create': 'Create invite link',
  'invite.creating': 'Creating…',
  'invite.linkLabel': 'Invite link',
  'invite.copy': 'Copy link',
  'invite.share': 'Share…',
  'invite.expiry': 'Works once, for 48 hours (until {time}).',
  'invite.afterNote':
    'When they open it, your apps confirm each other’s keys on their own. Then you can compare safety codes.',
  'invite.qrTitle': 'Or scan this code',
  'invite.qrAlt': 'QR code of the invite link. The same link is shown above, as text, with a copy button.',
  'invite.qrLoading': 'Drawing the code…',
  'invite.openTitle': 'Open invites',
  'invite.none': 'No open invites.',
  'invite.item': 'Made {created}, works until {expires}',
  'invite.revoke': 'Revoke',
  'invite.revokeLabel': 'Revoke the invite made {created}',
  'invite.close': 'Close',

  // ---------- leave ----------
  'leave.title': 'Leave {space}?',
  'leave.stopSeeing': 'You will stop seeing this space and everything in it.',
  'leave.othersKeep': 'The others keep what was already shared.',
  'leave.newKey': 'Their apps will switch to a new key, so you cannot read what they write after you leave.',
  'leave.confirm': 'Leave space',
  'leave.cancel': 'Stay',
  'leave.busy': 'Leaving…',

  // ---------- safety code ----------
  'safety.title': 'Safety code',
  'safety.for': 'For {space}',
  'safety.codeLabel': 'Safety code for {space}',
  'safety.what':
    'This code is made from the keys of everyone in this space. If it is the same on every member’s device, nobody else is reading along.',
  'safety.howTitle': 'How to compare',
  'safety.how1': 'Meet in person, or call each other.',
  'safety.how2': 'One of you reads the groups aloud. The others check their screen, group by group.',
  'safety.how3': 'If every group matches, you are all set.',
  'safety.differTitle': 'If they differ',
  'safety.differ':
    'Don’t share anything sensitive in this space for now. Tell your partner or partners, in person or by phone, and contact whoever runs your Innermost server.',
  'safety.changes': 'The code changes when someone joins or leaves. Compare again then.',
  'safety.loading': 'Working out the code…',
  'safety.back': 'Back to {space}',

  // ---------- join ----------
  'join.title': 'You are invited',
  'join.intro': 'Someone invited you to a shared space on Innermost.',
  'join.members.one': 'One member so far.',
  'join.members.other': '{count} members so far.',
  'join.expires': 'This invite works until {time}.',
  'join.privacy': 'Only the members of this space can read what is shared in it. Not us, not the server.',
  'join.loading': 'Looking at the invite…',
  'join.signedOut': 'To join, create an account or sign in. You will come back here to finish.',
  'join.createAccount': 'Create account',
  'join.signIn': 'Sign in',
  'join.submit': 'Join',
  'join.busy': 'Joining…',
  'join.notNow': 'Not now',
  'join.waitingTitle': 'Almost there',
  'join.waiting':
    'Waiting for {space}’s members’ app to confirm you. This happens on its own in a few seconds when one of them is online.',
  'join.waitingUnnamed':
    'Waiting for the members’ app to confirm you. This happens on its own in a few seconds when one of them is online.',
  'join.waitingMeanwhile': 'You can leave this screen. The space will appear on Today once you are confirmed.',
  'join.goHome': 'Go to Today',
  'join.problemTitle': 'This invite cannot be used',
  'join.next.invite-expired': 'Ask the person who invited you for a new link.',
  'join.next.invite-used': 'If it was not you who used it, ask for a new link.',
  'join.next.invite-revoked': 'If you were expecting it, ask them for a new link.',
  'join.next.invite-not-found': 'Check that the whole link was copied, or ask for a new one.',
  'join.next.invite-link-malformed': 'Open the link exactly as you received it, or ask for a new one.',
  'join.next.already-member': 'You are already there, nothing more to do.',
  'join.next.other': 'You can try again, or ask for a new link.',
  'join.openSpace': 'Open the space',

  // ---------- account settings ----------
  'settings.title': 'Account',
  'settings.signedInAs': 'Signed in as {email}',
  'settings.sessionsTitle': 'Where you are signed in',
  'settings.sessionsLoading': 'Loading your devices…',
  'settings.thisDevice': 'This device',
  'settings.unknownDevice': 'A device',
  'settings.lastSeen': 'Last active {time}',
  'settings.signOutSession': 'Sign out',
  'settings.signOutSessionLabel': 'Sign out {device}',
  'settings.signOutOthers': 'Sign out all other devices',
  'settings.noOthers': 'No other devices.',
  'settings.passwordTitle': 'Change password',
  'settings.passwordSubmit': 'Change password',
  'settings.passwordBusy': 'Changing… this can take a few seconds.',
  'settings.passwordDone': 'Password changed. Use the new one from now on. Your recovery code stays the same.',
  'settings.lockTitle': 'Lock and sign out',
  'settings.lockNow': 'Lock now',
  'settings.lockHint': 'Locking keeps you signed in. Your password opens it again.',
  'settings.signOut': 'Sign out',
  'settings.signOutHint': 'Signing out removes Innermost’s data from this device.',
  'settings.deleteTitle': 'Delete account',
  'settings.deleteIntro': 'If you want to stop using Innermost, you can delete your account here.',
  'settings.deleteOpen': 'Delete account…',

  // ---------- delete account ----------
  'delete.title': 'Delete your account?',
  'delete.what': 'This deletes, for good:',
  'delete.item.account': 'your account and your email address,',
  'delete.item.personal': 'your personal space and everything in it,',
  'delete.item.memberships': 'your place in each shared space,',
  'delete.item.sessions': 'your sign-ins on every device.',
  'delete.stays':
    'Shared spaces stay with the other members, with what you already shared there. Their apps switch to a new key.',
  'delete.undo': 'This cannot be undone.',
  'delete.passwordLabel': 'Your password, to confirm',
  'delete.confirm': 'Delete my account',
  'delete.cancel': 'Keep my account',
  'delete.busy': 'Deleting…',

  // ---------- not found, failures, updates ----------
  'notFound.title': 'Nothing here',
  'notFound.body': 'This page does not exist.',
  'notFound.home': 'Back to the start',
  'chunk.title': 'This screen could not open',
  'chunk.body': 'Check your connection, then try again.',
  'chunk.reload': 'Try again',
  'start.failedTitle': 'Innermost could not start',
  'start.failedBody': 'Please reload the page. If it keeps happening, check your connection.',
  'start.reload': 'Reload',
  'update.ready': 'A new version of Innermost is ready.',
  'update.reload': 'Update now',
  'update.later': 'Later',
  'update.offlineReady': 'Innermost now also works offline on this device.',

  // ---------- time ----------
  'time.justNow': 'just now',

  // ---------- errors: one per code (src/shared/errors.ts + CLIENT_ERROR_CODES) ----------
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
  'errors.stale-epoch': 'This space’s key just changed. Please try again in a moment.',
  'errors.rotation-required': 'This space is switching to a new key. Please try again in a moment.',
  'errors.epoch-conflict': 'This space’s key just changed. Please try again in a moment.',
  'errors.members-mismatch': 'The members of this space changed just now. Please try again.',
  'errors.record-conflict': 'This changed on another device at the same time. Please try again.',
  'errors.not-participant': 'This exercise is for the people it was started with, and you are not one of them.',
  'errors.round-closed': 'This exercise is closed now, so nothing more can be added to it.',
  'errors.already-submitted': 'Your answers are already sealed. Nothing was changed.',
  'errors.rate-limited': 'Too many tries for now. Please wait a few minutes, then try again.',
  'errors.internal': 'Something went wrong on the server. Please try again in a moment.',
  'errors.unavailable': 'The server is busy or being updated. Please try again in a moment.',
  'errors.network': 'Could not reach the server. Check your connection and try again.',
  'errors.offline': 'You are offline, and this needs a connection. Please try again when you are back online.',
  'errors.kdf-params-too-weak':
    'The server asked for weaker password protection than Innermost allows, so we stopped to keep you safe. Please tell whoever runs this server.',
  'errors.recovery-code-malformed': 'This does not look like a recovery code. Check it against what you wrote down.',
  'errors.invite-link-malformed': 'This invite link is incomplete.',
  'errors.invite-mac-invalid': 'This invite could not be verified, so nobody was let in. Ask for a new link.',
  'errors.membership-invalid':
    'The members of this space could not be verified on this device. Please don’t share anything sensitive here, and compare safety codes.',
  'errors.decrypt-failed':
    'Something could not be unlocked on this device. Please reload. If it keeps happening, sign out and sign in again.',
  'errors.wrong-password': 'That password is not right. Please try again.',
  'errors.unknown': 'Something went wrong. Please try again.',
} as const satisfies Record<string, string>;

export type Messages = typeof messages;
export type MessageKey = keyof Messages;
