/**
 * Locks Innermost after a chosen time without use, on this device. Time is the wall clock
 * (Date.now), not a count of timer ticks: a phone that puts a hidden tab to sleep, or throttles
 * its timers, still locks as soon as the page runs again if the time has passed, and the first
 * touch after the time has passed locks rather than counting as use.
 */
export const IDLE_CHOICES = [0, 1, 5, 15, 60] as const;
export type IdleMinutes = (typeof IDLE_CHOICES)[number];

export function isIdleMinutes(value: unknown): value is IdleMinutes {
  return IDLE_CHOICES.includes(value as IdleMinutes);
}

/** What counts as use. Scrolling by touch starts with a pointerdown, by wheel with a wheel. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel'] as const;
/** When a hidden or frozen page comes back, the time may already be up. */
const RETURNS = ['visibilitychange', 'pageshow', 'focus'] as const;

export interface IdleWatch {
  /** Where use happens (window in the app). */
  target: EventTarget;
  /** Where a page comes back (document for visibilitychange; window for pageshow and focus); defaults to target. */
  returns?: EventTarget[];
  minutes: IdleMinutes;
  onIdle: () => void;
  now?: () => number;
}

/** Starts watching; returns the stop. With 0 minutes it watches nothing. */
export function watchIdle({ target, returns = [target], minutes, onIdle, now = Date.now }: IdleWatch): () => void {
  if (minutes === 0) return () => undefined;
  const limit = minutes * 60_000;
  let lastUse = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function stop() {
    stopped = true;
    clearTimeout(timer);
    for (const type of ACTIVITY) target.removeEventListener(type, used, { capture: true });
    for (const source of returns) for (const type of RETURNS) source.removeEventListener(type, check);
  }

  /** True (and locked) when the time is up. */
  function check(): boolean {
    if (stopped) return true;
    const left = lastUse + limit - now();
    if (left <= 0) {
      stop();
      onIdle();
      return true;
    }
    clearTimeout(timer);
    timer = setTimeout(check, left);
    return false;
  }

  function used() {
    if (!check()) lastUse = now();
  }

  for (const type of ACTIVITY) target.addEventListener(type, used, { capture: true, passive: true });
  for (const source of returns) for (const type of RETURNS) source.addEventListener(type, check);
  timer = setTimeout(check, limit);
  return stop;
}
