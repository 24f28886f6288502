/** What the sync status line says. (The catalog API and its voice: platform/i18n/translator.ts.) */
import { translator, type Catalog } from '../platform/i18n/translator.ts';

export const syncMessages = {
  'sync.label': 'Connection',
  'sync.offline': 'Offline. Your changes are kept on this device and sent when you are back.',
  'sync.pending': { one: 'One change waiting to send.', other: '{count} changes waiting to send.' },
  'sync.connecting': 'Reconnecting…',
  'sync.upToDate': 'Up to date',
} as const satisfies Catalog;

const catalog = { ...syncMessages };
export type MessageKey = Extract<keyof typeof catalog, string>;
export const { t, has } = translator(catalog);
