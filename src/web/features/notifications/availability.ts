/**
 * Can this device get notifications from us, and if not, what to say. iPhone and iPad deliver
 * push only to an app added to the Home Screen and opened from there (Safari 16.4+), so in
 * Safari's tabs we show how to add it instead of a button that cannot work.
 */
export type Availability = 'available' | 'install-first' | 'unsupported';

export interface PushEnvironment {
  /** Service workers, PushManager and Notification all exist. */
  hasPush: boolean;
  /** An iPhone or iPad (iPadOS reports itself as a Mac with touch). */
  ios: boolean;
  /** Opened from the Home Screen (display-mode: standalone). */
  standalone: boolean;
}

export function availability(env: PushEnvironment): Availability {
  if (env.ios && !env.standalone) return 'install-first';
  return env.hasPush ? 'available' : 'unsupported';
}

/** The environment of this browser. */
export function browserEnvironment(): PushEnvironment {
  const nav = navigator as Navigator & { standalone?: boolean };
  const ios = /iPad|iPhone|iPod/.test(nav.userAgent) || (nav.platform === 'MacIntel' && nav.maxTouchPoints > 1);
  return {
    hasPush: 'serviceWorker' in nav && typeof PushManager !== 'undefined' && typeof Notification !== 'undefined',
    ios,
    standalone: matchMedia('(display-mode: standalone)').matches || nav.standalone === true,
  };
}
