/**
 * The service worker's push handler on a real IndexedDB (fake-indexeddb, the same wrapper the app
 * uses): what this device chose decides the words, and a push always shows a notification.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { wipeDevice } from '../../platform/local-db.ts';
import { writePlaceNames, writeSettings } from './device-settings.ts';
import { buildPrefs, DEFAULT_FORM, type DetailLevel } from './prefs.ts';
import { safePath, showPush } from './service-worker.ts';

const SPACE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OPENED = JSON.stringify({ v: 1, k: 'opened', s: SPACE, i: '' }).padEnd(256, ' ');

function fakeRegistration() {
  const shown: { title: string; options: NotificationOptions }[] = [];
  const registration = {
    showNotification: async (title: string, options: NotificationOptions) => void shown.push({ title, options }),
  } as unknown as ServiceWorkerRegistration;
  return { registration, shown };
}

async function choose(detail: DetailLevel) {
  await writeSettings({ prefs: buildPrefs(DEFAULT_FORM, 'UTC'), detail });
}

afterEach(async () => {
  await wipeDevice();
});

describe('a push on this device', () => {
  it('with nothing chosen (or after sign-out wiped the device), the discreet words', async () => {
    const { registration, shown } = fakeRegistration();
    await showPush(registration, OPENED);
    expect(shown).toEqual([
      { title: 'Innermost', options: { body: 'Something new in Innermost', tag: `opened:${SPACE}`, icon: '/icons/icon-192.png', data: { url: `/spaces/${SPACE}` } } },
    ]);
  });

  it('follows the detail level chosen here, and the place names only with "places"', async () => {
    const { registration, shown } = fakeRegistration();
    await choose('kinds');
    await showPush(registration, OPENED);
    await choose('places');
    await writePlaceNames({ [SPACE]: 'Our corner' });
    await showPush(registration, OPENED);
    // Back to kinds: the names are forgotten with it.
    await choose('kinds');
    await choose('places');
    await showPush(registration, OPENED);
    expect(shown.map((s) => [s.title, s.options.body])).toEqual([
      ['Innermost', 'Your answers are open'],
      ['Our corner', 'Your answers are open'],
      ['Innermost', 'Your answers are open'],
    ]);
  });

  it('shows a notification even for a message it cannot read', async () => {
    const { registration, shown } = fakeRegistration();
    await showPush(registration, null);
    await showPush(registration, '{"v":9}');
    expect(shown.map((s) => s.options.body)).toEqual(['Something new in Innermost', 'Something new in Innermost']);
  });

  it('a tap opens only a path of this app', () => {
    expect(safePath('/spaces/x')).toBe('/spaces/x');
    expect(safePath('//evil.example')).toBe('/');
    expect(safePath('https://evil.example')).toBe('/');
    expect(safePath(undefined)).toBe('/');
  });
});
