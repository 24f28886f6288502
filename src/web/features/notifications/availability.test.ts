import { describe, expect, it } from 'vitest';
import { availability } from './availability.ts';
import { ActionError } from '../../platform/errors/action-error.ts';
import { pushProblem } from './errors.ts';
import { openPathOf, OPEN_MESSAGE } from './open-message.ts';

describe('where notifications can be offered', () => {
  it('offers them where the browser has push', () => {
    expect(availability({ hasPush: true, ios: false, standalone: false })).toBe('available');
    expect(availability({ hasPush: false, ios: false, standalone: false })).toBe('unsupported');
  });

  it('on iPhone and iPad, only in the app opened from the Home Screen; in Safari, how to add it', () => {
    expect(availability({ hasPush: false, ios: true, standalone: false })).toBe('install-first');
    // Even a Safari that exposes the API in a tab cannot deliver there.
    expect(availability({ hasPush: true, ios: true, standalone: false })).toBe('install-first');
    expect(availability({ hasPush: true, ios: true, standalone: true })).toBe('available');
    expect(availability({ hasPush: false, ios: true, standalone: true })).toBe('unsupported');
  });
});

describe('what a failure says', () => {
  it('refusal, no push on the server and an unsupported browser are said calmly; offline asks to try again', () => {
    expect(pushProblem(new ActionError('push-denied'))).toMatchObject({ calm: true, text: expect.stringContaining('any time') });
    expect(pushProblem(new ActionError('push-disabled'))).toMatchObject({ calm: true, text: expect.stringContaining('turned them off') });
    expect(pushProblem(new ActionError('push-unsupported')).calm).toBe(true);
    expect(pushProblem(new ActionError('offline'))).toMatchObject({ calm: false, text: expect.stringContaining('offline') });
    expect(pushProblem(new ActionError('network')).text).toBe(pushProblem(new ActionError('offline')).text);
    expect(pushProblem(new Error('boom')).text).toMatch(/try again/);
  });
});

describe('the message a tap sends to an open window', () => {
  it('carries a path of this app, and nothing else is taken', () => {
    expect(openPathOf({ type: OPEN_MESSAGE, path: '/spaces/abc' })).toBe('/spaces/abc');
    expect(openPathOf({ type: OPEN_MESSAGE, path: '//evil.example/x' })).toBeNull();
    expect(openPathOf({ type: OPEN_MESSAGE, path: 'https://evil.example/' })).toBeNull();
    expect(openPathOf({ type: 'SKIP_WAITING' })).toBeNull();
    expect(openPathOf(null)).toBeNull();
  });
});
