/**
 * What this device asks the server for (the contract's `prefs`), built from the choices on the
 * notifications screen. Pure, so the rules are tested without a browser: times are "HH:MM" in the
 * device's own time zone; the daily reminder is on only with a time; quiet hours need both ends
 * and may cross midnight (22:00 to 07:00), but cannot start and end at the same minute.
 */
import { PUSH_KINDS, type PushKind } from './push-message.ts';

export interface PushPrefs {
  events: Record<PushKind, boolean>;
  quietHours: { start: string; end: string } | null;
  timeZone: string;
  reminderAt: string | null;
}

/** How much a notification says on this device's lock screen. */
export const DETAIL_LEVELS = ['discreet', 'kinds', 'places'] as const;
export type DetailLevel = (typeof DETAIL_LEVELS)[number];

/** The screen's choices, as the form holds them. */
export interface PrefsForm {
  events: Record<Exclude<PushKind, 'reminder'>, boolean>;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  reminder: boolean;
  reminderAt: string;
}

export const DEFAULT_FORM: PrefsForm = {
  events: { joined: true, opened: true, waiting: true, thinking: true, reply: true, plan: true, listening: true, 'bad-day': true },
  quiet: false,
  quietStart: '22:00',
  quietEnd: '07:00',
  reminder: false,
  reminderAt: '19:00',
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "HH:MM" on a 24-hour clock, as <input type="time"> gives it (seconds are not asked for). */
export function isTime(value: string): boolean {
  return TIME.test(value);
}

export type PrefsProblem = 'quietStart' | 'quietEnd' | 'quietSame' | 'reminderAt';

/** What is wrong with the choices, field by field (empty when they can be saved). */
export function prefsProblems(form: PrefsForm): PrefsProblem[] {
  const problems: PrefsProblem[] = [];
  if (form.quiet) {
    if (!isTime(form.quietStart)) problems.push('quietStart');
    if (!isTime(form.quietEnd)) problems.push('quietEnd');
    if (isTime(form.quietStart) && form.quietStart === form.quietEnd) problems.push('quietSame');
  }
  if (form.reminder && !isTime(form.reminderAt)) problems.push('reminderAt');
  return problems;
}

/** The prefs to send. Call only when prefsProblems(form) is empty. */
export function buildPrefs(form: PrefsForm, timeZone: string): PushPrefs {
  const events = Object.fromEntries(PUSH_KINDS.map((k) => [k, k === 'reminder' ? form.reminder : form.events[k]])) as Record<PushKind, boolean>;
  return {
    events,
    quietHours: form.quiet ? { start: form.quietStart, end: form.quietEnd } : null,
    timeZone,
    reminderAt: form.reminder ? form.reminderAt : null,
  };
}

/** The form for saved prefs (the times not in use keep their defaults, ready if turned on). */
export function formFromPrefs(prefs: PushPrefs): PrefsForm {
  const { reminder: _reminder, ...events } = prefs.events;
  return {
    // A device that chose before plans (or talks, or hard days) existed hears of them (the server does the same).
    events: { ...DEFAULT_FORM.events, ...events },
    quiet: prefs.quietHours !== null,
    quietStart: prefs.quietHours?.start ?? DEFAULT_FORM.quietStart,
    quietEnd: prefs.quietHours?.end ?? DEFAULT_FORM.quietEnd,
    reminder: prefs.reminderAt !== null && prefs.events.reminder,
    reminderAt: prefs.reminderAt ?? DEFAULT_FORM.reminderAt,
  };
}

/** This device's IANA time zone (the server holds quiet hours and the reminder in it). */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
