/**
 * Taking my data with me: a copy to read, an encrypted copy for another account, and bringing one
 * in. The catalog API and its voice: platform/i18n/translator.ts.
 */
import { translator, type Catalog } from '../../platform/i18n/translator.ts';
import { uiMessages } from '../../ui/messages.ts';

export const exportMessages = {
  'data.title': 'Your data',
  'data.lead':
    'Everything here is made on this phone or computer: nothing you read in these copies passes through the server.',
  'data.back': 'Back to Account',
  'data.readableTitle': 'A copy you can read',
  'data.readableBody':
    'Everything you can read in Innermost, yours and what partners shared with you: a zip with a page to print, a spreadsheet file for each kind of thing, and the same in JSON for other programs. Anyone who has the file can read it.',
  'data.readableButton': 'Download a copy to read',
  'data.readableDone': 'Your copy to read is in your downloads.',
  'data.encryptedTitle': 'A copy to move to another account',
  'data.encryptedBody':
    'What you wrote yourself, locked with a passphrase you choose, to bring into a new account here or on another Innermost. Without the passphrase nobody can open it, us included.',
  'data.passphrase': 'Passphrase for this copy',
  'data.passphraseHint': 'At least 10 characters. Write it down: it cannot be recovered.',
  'data.passphraseAgain': 'The same passphrase again',
  'data.passphraseShort': 'Please use at least 10 characters.',
  'data.passphraseMismatch': 'The two passphrases are not the same.',
  'data.encryptedButton': 'Download an encrypted copy',
  'data.encryptedDone': 'Your encrypted copy is in your downloads.',
  'data.working': 'Making your copy…',
  'data.importTitle': 'Bring in an encrypted copy',
  'data.importBody':
    'Choose a copy made with “Download an encrypted copy”. You will see what it would add before anything is added.',
  'data.file': 'Encrypted copy (.innermost)',
  'data.importPassphrase': 'Its passphrase',
  'data.open': 'Open the copy',
  'data.opening': 'Opening…',
  'data.noFile': 'Please choose a file.',
  'data.noPassphrase': 'Please type the passphrase this copy was made with.',
  'data.notArchive': 'This file is not an encrypted copy from Innermost.',
  'data.newer': 'This copy was made by a newer version of Innermost. Please ask whoever runs it for you to update.',
  'data.wrongPassphrase': 'That passphrase does not open this copy. Please check it and try again.',
  'data.tooBig': 'This file is too big to be a copy from Innermost.',
  'data.previewTitle': 'What this copy would add',
  'data.previewMade': 'Made on {date}.',
  'data.previewMine': 'Into Just me:',
  'data.previewNothing': 'Nothing from Just me.',
  'data.previewShared': 'Things you wrote in “{place}”. They can come into Just me as private copies, seen only by you:',
  'data.previewSharedUnnamed': 'Things you wrote in a shared place. They can come into Just me as private copies, seen only by you:',
  'data.addShared': 'Also add these to Just me',
  'data.stays': {
    one: 'One more thing belongs with that place and its partners, and stays out.',
    other: '{count} more things belong with that place and its partners, and stay out.',
  },
  'data.already': {
    one: 'One thing is already in Just me, so it is not added again.',
    other: '{count} things are already in Just me, so they are not added again.',
  },
  'data.unknown': {
    one: 'One thing comes from a newer version of Innermost and is left out.',
    other: '{count} things come from a newer version of Innermost and are left out.',
  },
  'data.nothingAtAll': 'There is nothing in this copy to add.',
  'data.count': '{label}: {count}',
  'data.confirm': 'Add to Just me',
  'data.cancel': 'Not now',
  'data.adding': 'Adding…',
  'data.added': {
    one: 'Added one thing to Just me.',
    other: 'Added {count} things to Just me.',
  },
  'data.failed': 'That did not work. Please try again.',
  // Readable copy: what the page and the files say.
  'data.page.title': 'Innermost: a copy of your data',
  'data.page.made': 'Made on {date}.',
  'data.page.author': 'By',
  'data.page.stored': 'Saved',
  'data.page.you': 'You',
  'data.page.someone': 'A partner',
  'data.page.justMe': 'Just me',
  'data.page.unnamed': 'A shared place',
  'data.page.empty': 'Nothing here yet.',
  // What each kind of thing is called (by the record kind's stable id).
  'data.kind.checkin': 'Check-ins',
  'data.kind.checkin-settings': 'Check-in choices',
  'data.kind.reflection': 'Exercises done alone',
  'data.kind.daily-answer': 'Questions of the day, answered alone',
  'data.kind.daily-settings': 'Question of the day choices',
  'data.kind.round-note': 'Notes on answers',
  'data.kind.read-position': 'Where reading together got to',
  'data.kind.round-thanks': 'Thank-yous after reading together',
  'data.kind.comfort-answers': 'Comfort map',
  'data.kind.comfort-match': 'Comfort map matches',
  'data.kind.touch-program': 'Touch program progress',
  'data.kind.touch-program-check-in': 'Touch program check-ins',
  'data.kind.program-step': 'Program steps',
  'data.kind.program-state': 'Programs',
  'data.kind.keep': 'Kept intentions and favourites',
  'data.kind.onboarding': 'Why you came',
  'data.kind.assessment': 'Where you are now',
  'data.kind.progress-sharing': 'Progress sharing choices',
  'data.kind.thinking-of-you': 'Thinking of you',
  'data.kind.thinking-of-you-reply': 'Replies to thinking of you',
  'data.kind.thinking-of-you-seen': 'Thinking of you, closed',
  'data.kind.plans-rhythm': 'Rhythms',
  'data.kind.plan': 'Plans',
  'data.kind.plan-response': 'Answers to plans',
  'data.kind.plan-after': 'How plans went',
  'data.kind.moment': 'Moments',
  'data.kind.plans-energy': 'Energy shared for plans',
  'data.kind.idea-favourite': 'Favourite ideas',
  'data.kind.own-idea': 'Your own ideas',
  'data.kind.profile': 'Name and pronouns',
  'data.kind.space-name': 'Place name',
} as const satisfies Catalog;

export const { t, has } = translator({ ...uiMessages, ...exportMessages });

/** What a kind of record is called; its stable id for a kind this build has no words for. */
export function kindLabel(kind: string): string {
  const key = `data.kind.${kind}`;
  return has(key) ? t(key) : kind;
}
