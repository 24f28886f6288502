/**
 * followSync, the one way a feature follows sync, on the real sync engine of a test device
 * against a real server in-process (see tests/factories/web-page.ts): 'start' once at activation,
 * one subscription however often it is activated, a publish for every change, reset (never a
 * publish) when sync stops, and the live events for followers that ask for them.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { createUser } from '../../../tests/factories/index.ts';
import { createSpaceWithKeys } from '../../../tests/factories/keyed-spaces.ts';
import { allSent, openPage, type DeviceSlot, type Page } from '../../../tests/factories/web-page.ts';
import type { LiveEvent } from '../../shared/api.ts';
import { createTestApp } from '../../server/testing/app.ts';
import { describeEachDatabase } from '../../server/testing/databases.ts';
import type { Follower } from './follow.ts';

const slot = vi.hoisted((): DeviceSlot => ({ engine: null }));
vi.mock('./index.ts', async () => (await import('../../../tests/factories/web-page.ts')).syncIndexFor(slot));

let page: Page | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
  slot.engine = null;
});

/** A follower that writes down what it is told: 'publish:start', 'publish:changed', 'reset'... */
function recorder(withLive = false) {
  const calls: string[] = [];
  const events: LiveEvent[] = [];
  const follower: Follower = {
    publish: (change) => void calls.push(`publish:${change}`),
    reset: () => void calls.push('reset'),
    ...(withLive && { onLiveEvent: (event: LiveEvent) => void events.push(event) }),
  };
  return { calls, events, follower };
}

describeEachDatabase('followSync', (suite) => {
  async function world() {
    const t = createTestApp(suite.db);
    const alex = await createUser(t.app);
    const blake = await createUser(t.app);
    const us = await createSpaceWithKeys(t.app, alex, [blake]);
    page = await openPage(t.app, alex, slot);
    const { followSync } = await import('./follow.ts');
    const { profileKind } = await import('../spaces/kinds.ts');
    return { t, alex, blake, us, page, followSync, profileKind };
  }

  it('publishes "start" once, subscribes once however often it is activated, and publishes every change', async () => {
    const w = await world();
    const twice = recorder();
    const once = recorder();
    const activateTwice = w.followSync(twice.follower);
    expect(twice.calls).toEqual([]);
    expect(activateTwice()).toBe(true);
    expect(activateTwice()).toBe(false);
    expect(w.followSync(once.follower)()).toBe(true);
    expect(twice.calls).toEqual(['publish:start']);

    await w.page.device.engine.write(w.us.id, w.profileKind, { displayName: 'Alex', pronouns: '' });
    await allSent(w.page.device);
    await w.page.device.engine.syncNow();
    expect(twice.calls).toContain('publish:changed');
    expect(twice.calls).toContain('publish:synced');
    // One subscription: exactly what a follower activated once was told.
    expect(twice.calls).toEqual(once.calls);

    // A partner's write arrives live: published too.
    const blake = await w.page.startDevice(w.blake);
    const before = twice.calls.length;
    await blake.engine.write(w.us.id, w.profileKind, { displayName: 'Blake', pronouns: '' });
    await w.page.device.until(() => twice.calls.length > before);
    expect(twice.calls.slice(before).every((c) => c === 'publish:changed' || c === 'publish:synced')).toBe(true);
  });

  it('resets, and does not publish, when sync stops', async () => {
    const w = await world();
    const follower = recorder();
    w.followSync(follower.follower)();
    await w.page.device.stop();
    // (A sync the live stream asked for may still have published before the stop.)
    expect(follower.calls[0]).toBe('publish:start');
    expect(follower.calls.at(-1)).toBe('reset');
    expect(follower.calls.filter((c) => c === 'reset')).toHaveLength(1);
    expect(follower.calls).not.toContain('publish:stopped');
  });

  it('passes the live events on to a follower that wants them, and subscribes no other to them', async () => {
    const w = await world();
    const subscribe = vi.spyOn(w.page.device.engine, 'onLiveEvent');
    w.followSync(recorder().follower)();
    expect(subscribe).not.toHaveBeenCalled();
    const live = recorder(true);
    const activate = w.followSync(live.follower);
    activate();
    activate();
    expect(subscribe).toHaveBeenCalledTimes(1);

    const blake = await w.page.startDevice(w.blake);
    await blake.engine.write(w.us.id, w.profileKind, { displayName: 'Blake', pronouns: '' });
    await w.page.device.until(() => live.events.some((e) => e.spaceId === w.us.id && e.type === 'records'));
    expect(live.events.filter((e) => e.type === 'records').length).toBeGreaterThanOrEqual(1);
  });
});
