import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isIdleMinutes, watchIdle } from './idle-lock.ts';

const MINUTE = 60_000;

beforeEach(() => vi.useFakeTimers({ now: new Date('2025-05-01T10:00:00Z') }));
afterEach(() => vi.useRealTimers());

function setUp(minutes: 0 | 1 | 5 | 15 | 60) {
  const target = new EventTarget();
  const onIdle = vi.fn();
  const stop = watchIdle({ target, minutes, onIdle });
  return { target, onIdle, stop, use: () => target.dispatchEvent(new Event('pointerdown')) };
}

describe('locking after a time without use', () => {
  it('locks once the chosen time passes without use', () => {
    const { onIdle } = setUp(5);
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('each touch or key starts the time again', () => {
    const { onIdle, use, target } = setUp(1);
    vi.advanceTimersByTime(50_000);
    use();
    vi.advanceTimersByTime(50_000);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts wall-clock time while hidden: coming back after the time locks at once, even if timers slept', () => {
    const { onIdle, target } = setUp(15);
    // A hidden tab's timers do not run; the wall clock moves on 20 minutes.
    vi.setSystemTime(Date.now() + 20 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    target.dispatchEvent(new Event('visibilitychange'));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('a touch after the time is up locks instead of counting as use', () => {
    const { onIdle, use } = setUp(1);
    vi.setSystemTime(Date.now() + 2 * MINUTE);
    use();
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('coming back before the time is up does not lock, and the rest of the time still counts', () => {
    const { onIdle, target } = setUp(5);
    vi.setSystemTime(Date.now() + 3 * MINUTE);
    target.dispatchEvent(new Event('visibilitychange'));
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('off (0) never locks; a stopped watch never locks', () => {
    const off = setUp(0);
    const stopped = setUp(1);
    stopped.stop();
    vi.advanceTimersByTime(120 * MINUTE);
    off.target.dispatchEvent(new Event('visibilitychange'));
    expect(off.onIdle).not.toHaveBeenCalled();
    expect(stopped.onIdle).not.toHaveBeenCalled();
  });

  it('knows its choices', () => {
    expect([0, 1, 5, 15, 60].every(isIdleMinutes)).toBe(true);
    expect(isIdleMinutes(2)).toBe(false);
    expect(isIdleMinutes('5')).toBe(false);
  });
});
