/**
 * What a notification shows, from the push message and this device's detail level: discreet by
 * default ("Something new in Innermost"), the kind of event when chosen, the shared place's name
 * as the title only with "places" and only from the names this device keeps. Never a person's
 * name, a question or an answer: the message carries none, and nothing here adds one.
 */
import type { PlaceNames } from './device-settings.ts';
import type { DetailLevel } from './prefs.ts';
import type { PushMessage } from './push-message.ts';
import { t } from './messages.ts';

export interface NotificationView {
  title: string;
  body: string;
  /** One per kind and place: a newer one replaces the older instead of piling up. */
  tag: string;
  /** Where a tap opens the app. */
  url: string;
}

/** The app icon, the same for every detail level: the icon says no more than the words. */
export const NOTIFICATION_ICON = '/icons/icon-192.png';

/**
 * Where a tap leads. The space's screen holds its rounds and its question of the day, so opened and
 * waiting go there (a daily question is a round too, and has no screen of its own under /rounds);
 * a plan's reminder opens the place's plans, a talk's news its talks; thoughts, hard days, replies and the reminder are on Today. The app asks to unlock before showing anything.
 */
export function clickTarget(message: PushMessage | null): string {
  if (!message?.spaceId) return '/';
  switch (message.kind) {
    case 'joined':
    case 'opened':
    case 'waiting':
      return `/spaces/${message.spaceId}`;
    case 'plan':
      return `/spaces/${message.spaceId}/plans`;
    case 'listening':
      return `/spaces/${message.spaceId}/listening`;
    default:
      return '/';
  }
}

export function notificationFor(message: PushMessage | null, detail: DetailLevel, places: PlaceNames): NotificationView {
  const url = clickTarget(message);
  if (!message) return { title: t('push.title'), body: t('push.discreet'), tag: 'innermost', url };
  const tag = `${message.kind}:${message.spaceId}`;
  if (detail === 'discreet') return { title: t('push.title'), body: t('push.discreet'), tag, url };
  const body = t(`push.kind.${message.kind}`);
  const place = detail === 'places' && message.spaceId ? places[message.spaceId]?.trim() : undefined;
  return { title: place || t('push.title'), body, tag, url };
}
