/**
 * The help centre, the "I don't feel safe" page's frame, question sheets and notes, helplines,
 * and discretion on this device. The pages' own words are content (content/help/).
 * The catalog API and its voice: platform/i18n/translator.ts.
 */
import { translator, type Catalog } from '../../platform/i18n/translator.ts';
import { uiMessages } from '../../ui/messages.ts';

export const careMessages = {
  'help.title': 'Help',
  'help.lead': 'Support beyond this app, when you want it. Everything here works offline and stays on this device.',
  'help.dangerTitle': 'In danger right now?',
  'help.dangerBody': 'Call your local emergency number.',
  'help.dangerRegion': 'In {region}, call {number}.',
  'help.professional': 'Getting help from a professional',
  'help.professionalAbout': 'Therapists, sex therapists, couples counsellors and doctors: what each can do and how to find one.',
  'help.sheetsTitle': 'Questions to take along',
  'help.sheetsLead': 'Print a sheet, or make it your own private note.',
  'help.unsafe': 'If you do not feel safe',
  'help.unsafeAbout': 'Pressure, abuse, and quiet ways out. Private: nothing is shared and nobody is told.',
  'help.resources': 'Helplines for your region',
  'help.resourcesAbout': 'Crisis and abuse support near you.',
  'help.device': 'Discreet on this device',
  'help.deviceAbout': 'A plain tab title, quick exit and the lock.',
  'help.shortcuts': 'Keyboard: press ? for this page from anywhere. Press Shift three times to leave at once.',
  'help.back': 'All help',
  'help.notTherapy': 'Innermost is not therapy. It can sit alongside it.',

  'resources.title': 'Helplines',
  'resources.lead': 'Free, confidential support. Calling or opening a link leaves Innermost.',
  'resources.regionLabel': 'Your region',
  'resources.regionNone': 'Choose a region',
  'resources.regionHint': 'Kept on this device only.',
  'resources.emergency': 'Emergency number in {region}: {number}',
  'resources.call': 'Call {number}',
  'resources.textLabel': 'Text: {text}',
  'resources.website': 'Website of {name}',
  'resources.hours': 'Open: {hours}',
  'resources.languages': 'Languages: {languages}',
  'resources.noneInRegion': 'No helplines are listed for this region yet. The directory below lists many.',
  'resources.defaultTitle': 'If you are in danger',
  'resources.defaultBody':
    'Call your local emergency number: 112 works from mobile phones across Europe and in many other countries, 911 in North America, 999 in the United Kingdom, 000 in Australia.',
  'resources.directoryTitle': 'Find a helpline anywhere',
  'resources.directoryBody': '{name} lists free, confidential helplines for many countries and topics.',
  'resources.directoryLink': 'Open {name}',
  'resources.notFetched': 'This list comes from whoever runs this Innermost. It will appear once this device has been online.',

  'sheet.notFound': 'We could not find this sheet.',
  'sheet.print': 'Print',
  'sheet.makeNote': 'Make it my private note',
  'sheet.editNote': 'Edit my note',
  'sheet.noteTitle': 'My note',
  'sheet.noteAbout': 'Only you can read it. It is kept in Just me, never in a shared place.',
  'sheet.noteLabel': 'My questions and notes',
  'sheet.noteHint': 'Cross out, reword and add your own. Up to {max} characters.',
  'sheet.noteSave': 'Save my note',
  'sheet.noteSaving': 'Saving…',
  'sheet.noteCancel': 'Cancel',
  'sheet.noteClear': 'Clear my note',
  'sheet.noteSaved': 'Your note is saved',
  'sheet.noteCleared': 'Your note is cleared',
  'sheet.noteTooLong': 'This is {count} characters. Please keep it to {max}.',
  'sheet.signedOut': 'Signed in, you can also keep a sheet as a private note.',
  'sheet.printedOn': 'Printed from Innermost',

  'device.title': 'Discreet on this device',
  'device.lead': 'These choices stay on this device. Your other devices keep their own.',
  'device.tabLegend': 'The browser tab',
  'device.tabLabel': 'Show a plain title, “{title}”, instead of the app’s name',
  'device.tabHint': 'Useful on a shared computer, or when tabs are visible to others.',
  'device.tabOn': 'The tab now says “{title}”',
  'device.tabOff': 'The tab shows the app’s name again',
  // The same word as the shell's app.discreetTitle, which the tab shows.
  'device.discreetTitle': 'Notes',
  'device.exitTitle': 'Quick exit',
  'device.exitBody':
    'The Quick exit button at the top of every screen, or Shift pressed three times, hides everything at once, locks the app and opens an ordinary page. Going back shows only the lock screen.',
  'device.notificationsTitle': 'Notifications',
  'device.notificationsBody': 'Notifications say only “Something new in Innermost” unless you choose more.',
  'device.notificationsLink': 'Notification choices',
  'device.lockTitle': 'The lock',
  'device.lockBody': 'Lock hides everything until your password is entered again.',
} as const satisfies Catalog;

const catalog = { ...uiMessages, ...careMessages };
export type MessageKey = Extract<keyof typeof catalog, string>;
export const { t } = translator(catalog);
