import { describe, expect, it } from 'vitest';
import { pendingInviteFragment } from './store.ts';
import { captureInviteFragment } from './join-fragment.ts';

function fakeHistory() {
  const calls: string[] = [];
  return { calls, state: null, replaceState: (_d: unknown, _u: string, url?: string | URL | null) => calls.push(String(url)) };
}

describe('captureInviteFragment', () => {
  it('keeps the fragment in memory and strips it from the address', () => {
    pendingInviteFragment.value = null;
    const hist = fakeHistory();
    const got = captureInviteFragment({ pathname: '/join', search: '', hash: '#0190-abc.s3cr3t' }, hist);
    expect(got).toBe('0190-abc.s3cr3t');
    expect(pendingInviteFragment.value).toBe('0190-abc.s3cr3t');
    expect(hist.calls).toEqual(['/join']);
  });

  it('ignores other pages and a bare /join', () => {
    pendingInviteFragment.value = null;
    const hist = fakeHistory();
    expect(captureInviteFragment({ pathname: '/settings', search: '', hash: '#x.y' }, hist)).toBeNull();
    expect(captureInviteFragment({ pathname: '/join', search: '', hash: '' }, hist)).toBeNull();
    expect(captureInviteFragment({ pathname: '/join', search: '', hash: '#' }, hist)).toBeNull();
    expect(hist.calls).toEqual([]);
    expect(pendingInviteFragment.value).toBeNull();
  });

  it('accepts a trailing slash and keeps the query', () => {
    const hist = fakeHistory();
    expect(captureInviteFragment({ pathname: '/join/', search: '?via=qr', hash: '#a.b' }, hist)).toBe('a.b');
    expect(hist.calls).toEqual(['/join/?via=qr']);
  });
});
