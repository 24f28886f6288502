/** What the sync status line says. (The catalog API and its voice: platform/i18n/translator.ts.) */
import { translator, type Catalog } from '../platform/i18n/translator.ts';

export const syncMessages = {
  'sync.label': 'Connection',
  'sync.offline': 'Offline. Your changes are kept on this device and sent when you are back.',
  'sync.pending': { one: 'One change waiting to send.', other: '{count} changes waiting to send.' },
  'sync.connecting': 'Reconnecting…',
  'sync.upToDate': 'Up to date',
  'sync.held.storage-full-person':
    'Your changes are kept safe on this device: you have used all the room this Innermost gives each person. Ask whoever runs Innermost for you about more room.',
  'sync.held.storage-full-space':
    'Your changes are kept safe on this device: this shared place is full. Ask whoever runs Innermost for you about more room.',
  'sync.held.too-many-writes': 'A lot to send at once. Your changes follow in a moment, by themselves.',
} as const satisfies Catalog;

const catalog = { ...syncMessages };
export type MessageKey = Extract<keyof typeof catalog, string>;
export const { t, has } = translator(catalog);
