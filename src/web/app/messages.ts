/**
 * The shell: the app name, navigation, Today, start-up and update notices.
 * The catalog API and its voice: platform/i18n/translator.ts.
 */
import { translator, type Catalog } from '../platform/i18n/translator.ts';
import { uiMessages } from '../ui/messages.ts';

export const appMessages = {
  'app.name': 'Innermost',
  'app.skipLink': 'Skip to content',
  'nav.label': 'Main',
  'nav.today': 'Today',
  'nav.account': 'Account',
  'nav.lock': 'Lock',
  'nav.signIn': 'Sign in',
  'nav.help': 'Help',
  'app.discreetTitle': 'Notes',
  'nav.quickExit': 'Quick exit',
  'home.title': 'Today',
  'home.welcome': 'Welcome. This is your private place for closeness, at your own pace.',
  'nav.closeness': 'Closeness',
  'nav.explore': 'Explore',
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
  'welcome.docTitle': 'Welcome',
  'welcome.title': 'A quiet place to find each other again',
  'welcome.lead':
    'Innermost helps partners rebuild closeness, emotional and physical, at their own pace. It is for when illness, fear or everyday life has put some distance between you.',
  'welcome.body':
    'Answer questions privately, share only when you are ready, and take small, gentle steps together, or on your own for now.',
  'welcome.privacyTitle': 'Private by design',
  'welcome.privacy':
    'Only you and the people you invite can read what you write here. Not us, not the server.',
  'welcome.privacyHow': 'Everything is encrypted on your device before it leaves it.',
  'welcome.notTherapy': 'Innermost is not therapy. It can sit alongside it.',
  'welcome.createAccount': 'Create account',
  'welcome.signIn': 'Sign in',
} as const satisfies Catalog;

const catalog = { ...uiMessages, ...appMessages };
export type MessageKey = Extract<keyof typeof catalog, string>;
export const { t, has } = translator(catalog);
