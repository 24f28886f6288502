import { describe, expect, it } from 'vitest';
import { buildPrefs, DEFAULT_FORM, formFromPrefs, isTime, prefsProblems, type PrefsForm } from './prefs.ts';

const form = (patch: Partial<PrefsForm> = {}): PrefsForm => ({ ...DEFAULT_FORM, ...patch });

describe('the prefs a device sends', () => {
  it('by default: every event but the reminder, no quiet hours, no reminder time', () => {
    expect(buildPrefs(DEFAULT_FORM, 'Europe/Berlin')).toEqual({
      events: { joined: true, opened: true, waiting: true, thinking: true, reply: true, reminder: false, plan: true, listening: true, 'bad-day': true },
      quietHours: null,
      timeZone: 'Europe/Berlin',
      reminderAt: null,
    });
  });

  it('quiet hours (crossing midnight is fine) and the reminder come with their times', () => {
    const prefs = buildPrefs(form({ quiet: true, quietStart: '22:30', quietEnd: '06:45', reminder: true, reminderAt: '08:15' }), 'America/New_York');
    expect(prefs.quietHours).toEqual({ start: '22:30', end: '06:45' });
    expect(prefs.reminderAt).toBe('08:15');
    expect(prefs.events.reminder).toBe(true);
    expect(prefs.timeZone).toBe('America/New_York');
  });

  it('an event turned off is off, and the others stay', () => {
    const prefs = buildPrefs(form({ events: { ...DEFAULT_FORM.events, waiting: false } }), 'UTC');
    expect(prefs.events).toMatchObject({ waiting: false, opened: true, joined: true });
  });

  it('times not in use are not sent (the server learns a reminder time only when one is chosen)', () => {
    const prefs = buildPrefs(form({ quiet: false, quietStart: '01:00', reminder: false, reminderAt: '09:00' }), 'UTC');
    expect(prefs.quietHours).toBeNull();
    expect(prefs.reminderAt).toBeNull();
  });

  it('saved prefs come back as the same form', () => {
    const chosen = form({ quiet: true, quietStart: '21:00', quietEnd: '07:30', reminder: true, reminderAt: '18:00', events: { ...DEFAULT_FORM.events, reply: false } });
    expect(formFromPrefs(buildPrefs(chosen, 'UTC'))).toEqual(chosen);
    expect(formFromPrefs(buildPrefs(DEFAULT_FORM, 'UTC'))).toEqual(DEFAULT_FORM);
  });
});

describe('checking the choices', () => {
  it('accepts 24-hour HH:MM only', () => {
    for (const ok of ['00:00', '07:05', '23:59', '12:30']) expect(isTime(ok), ok).toBe(true);
    for (const bad of ['24:00', '7:05', '12:60', '', '12:30:00', 'noon']) expect(isTime(bad), bad).toBe(false);
  });

  it('names each problem: missing ends, the same start and end, a reminder without a time', () => {
    expect(prefsProblems(DEFAULT_FORM)).toEqual([]);
    expect(prefsProblems(form({ quiet: true, quietStart: '', quietEnd: '' }))).toEqual(['quietStart', 'quietEnd']);
    expect(prefsProblems(form({ quiet: true, quietStart: '22:00', quietEnd: '22:00' }))).toEqual(['quietSame']);
    expect(prefsProblems(form({ reminder: true, reminderAt: '' }))).toEqual(['reminderAt']);
    // Times of a choice that is off are not checked.
    expect(prefsProblems(form({ quiet: false, quietStart: '', reminder: false, reminderAt: '' }))).toEqual([]);
  });
});
