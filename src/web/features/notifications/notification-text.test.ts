import { describe, expect, it } from 'vitest';
import { PUSH_KINDS as SERVER_KINDS } from '../../../shared/api.ts';
import { clickTarget, notificationFor } from './notification-text.ts';
import { PUSH_KINDS, parsePushMessage, type PushMessage } from './push-message.ts';

const SPACE = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const ROUND = '0190a1b2-c3d4-7e5f-8a9b-aaaaaaaaaaaa';
const msg = (kind: PushMessage['kind'], spaceId = SPACE, id = ''): PushMessage => ({ kind, spaceId, id });
const PLACES = { [SPACE]: 'Our corner' };

describe('the push message', () => {
  it('knows the same kinds as the server (kept apart so the service worker carries no zod)', () => {
    expect([...PUSH_KINDS]).toEqual([...SERVER_KINDS]);
  });

  it('reads the server’s padded JSON', () => {
    const text = JSON.stringify({ v: 1, k: 'opened', s: SPACE, i: ROUND }).padEnd(256, ' ');
    expect(parsePushMessage(text)).toEqual({ kind: 'opened', spaceId: SPACE, id: ROUND });
    expect(parsePushMessage('{"v":1,"k":"reminder","s":"","i":""}')).toEqual({ kind: 'reminder', spaceId: '', id: '' });
  });

  it('refuses what it does not know (the worker then shows the discreet words)', () => {
    expect(parsePushMessage(null)).toBeNull();
    expect(parsePushMessage('not json')).toBeNull();
    expect(parsePushMessage('{"v":2,"k":"opened","s":"","i":""}')).toBeNull();
    expect(parsePushMessage('{"v":1,"k":"gossip","s":"","i":""}')).toBeNull();
    expect(parsePushMessage('[1]')).toBeNull();
  });

  it('drops ids that could lead out of the app’s paths', () => {
    expect(parsePushMessage('{"v":1,"k":"joined","s":"../../evil","i":"x/y"}')).toEqual({ kind: 'joined', spaceId: '', id: '' });
    expect(parsePushMessage(`{"v":1,"k":"joined","s":"${'a'.repeat(65)}","i":""}`)?.spaceId).toBe('');
  });
});

describe('what a notification says', () => {
  it('discreet (the default) says only "Something new in Innermost", for every kind', () => {
    for (const kind of PUSH_KINDS) {
      const view = notificationFor(msg(kind), 'discreet', PLACES);
      expect(view.title).toBe('Innermost');
      expect(view.body).toBe('Something new in Innermost');
    }
  });

  it('kinds says what happened, without names or places', () => {
    expect(notificationFor(msg('opened'), 'kinds', PLACES)).toMatchObject({ title: 'Innermost', body: 'Your answers are open' });
    expect(notificationFor(msg('thinking'), 'kinds', PLACES).body).toBe('Someone is thinking of you');
    expect(notificationFor(msg('waiting'), 'kinds', PLACES).body).toBe('A new question is waiting');
    expect(notificationFor(msg('reply'), 'kinds', PLACES).body).toBe('A reply came');
    expect(notificationFor(msg('joined'), 'kinds', PLACES).body).toBe('Someone joined your shared place');
    expect(notificationFor(msg('reminder', ''), 'kinds', PLACES).body).toBe('Your question for today');
  });

  it('places adds the place’s name as the title, only from this device’s map', () => {
    expect(notificationFor(msg('opened'), 'places', PLACES)).toMatchObject({ title: 'Our corner', body: 'Your answers are open' });
    // A place this device has no name for, or a reminder with no place: the app's name.
    expect(notificationFor(msg('opened', 'other-space'), 'places', PLACES).title).toBe('Innermost');
    expect(notificationFor(msg('reminder', ''), 'places', PLACES).title).toBe('Innermost');
    // The map is never used below "places".
    expect(notificationFor(msg('opened'), 'kinds', PLACES).title).toBe('Innermost');
  });

  it('tags by kind and place, so a newer one replaces the older', () => {
    expect(notificationFor(msg('opened'), 'discreet', {}).tag).toBe(`opened:${SPACE}`);
    expect(notificationFor(msg('opened', 'b'), 'discreet', {}).tag).not.toBe(notificationFor(msg('opened'), 'discreet', {}).tag);
    expect(notificationFor(msg('thinking'), 'discreet', {}).tag).not.toBe(notificationFor(msg('reply'), 'discreet', {}).tag);
  });

  it('an unreadable message still gets the discreet notification, opening Today', () => {
    expect(notificationFor(null, 'places', PLACES)).toEqual({ title: 'Innermost', body: 'Something new in Innermost', tag: 'innermost', url: '/' });
  });
});

describe('where a tap leads', () => {
  it('joined, opened and waiting: the shared place; a plan: its plans; thoughts, replies and the reminder: Today', () => {
    expect(clickTarget(msg('joined'))).toBe(`/spaces/${SPACE}`);
    expect(clickTarget(msg('opened', SPACE, ROUND))).toBe(`/spaces/${SPACE}`);
    expect(clickTarget(msg('waiting', SPACE, ROUND))).toBe(`/spaces/${SPACE}`);
    expect(clickTarget(msg('plan', SPACE, 'r1'))).toBe(`/spaces/${SPACE}/plans`);
    expect(clickTarget(msg('plan', ''))).toBe('/');
    expect(clickTarget(msg('listening', SPACE, 'r1'))).toBe(`/spaces/${SPACE}/listening`);
    expect(clickTarget(msg('bad-day', SPACE))).toBe('/');
    expect(clickTarget(msg('thinking'))).toBe('/');
    expect(clickTarget(msg('reply'))).toBe('/');
    expect(clickTarget(msg('reminder', ''))).toBe('/');
    expect(clickTarget(msg('opened', ''))).toBe('/');
    expect(clickTarget(null)).toBe('/');
  });
});
