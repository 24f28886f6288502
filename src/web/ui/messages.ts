/**
 * Words the shared components use, and words more than one room shares.
 * The catalog API and its voice: platform/i18n/translator.ts.
 */
import { translator, type Catalog } from '../platform/i18n/translator.ts';

export const uiMessages = {
  'app.titleSuffix': '{title} · Innermost',
  'app.loading': 'Opening Innermost…',
  'common.show': 'Show',
  'common.hide': 'Hide',
  'common.showPassword': 'Show password',
  'common.hidePassword': 'Hide password',
  'common.tryAgain': 'Try again',
  'common.backHome': 'Back to Today',
  'recoveryCode.copyFailed': 'Could not copy. Please select the code and copy it, or write it down.',
  'live.copied': 'Copied',
  'space.unnamed': 'Shared place',
  'space.you': 'you',
  'space.memberNoName': 'A member',
  'notFound.title': 'Nothing here',
  'notFound.body': 'This page does not exist.',
  'notFound.home': 'Back to the start',
} as const satisfies Catalog;

const catalog = { ...uiMessages };
export type MessageKey = Extract<keyof typeof catalog, string>;
export const { t, has } = translator(catalog);
