import { describe, expect, it } from 'vitest';
import { shiftCounter } from './shift-presses.ts';

const feed = (keys: [string, number, boolean?][]) => {
  const press = shiftCounter();
  return keys.map(([key, at, repeat = false]) => press({ key, at, repeat }));
};

describe('Shift three times', () => {
  it('fires on the third lone Shift within the window, and starts over after', () => {
    expect(feed([['Shift', 0], ['Shift', 300], ['Shift', 600]])).toEqual([false, false, true]);
    expect(feed([['Shift', 0], ['Shift', 300], ['Shift', 600], ['Shift', 700]])).toEqual([false, false, true, false]);
  });

  it('does not fire while typing capitals: another key in between starts over', () => {
    expect(feed([['Shift', 0], ['A', 50], ['Shift', 300], ['B', 350], ['Shift', 600]])).toEqual([false, false, false, false, false]);
  });

  it('ignores a held Shift’s repeats', () => {
    expect(feed([['Shift', 0], ['Shift', 30, true], ['Shift', 60, true], ['Shift', 90, true]])).toEqual([false, false, false, false]);
  });

  it('counts only presses inside the window', () => {
    expect(feed([['Shift', 0], ['Shift', 1000], ['Shift', 2000]])).toEqual([false, false, false]);
    expect(feed([['Shift', 0], ['Shift', 1000], ['Shift', 2000], ['Shift', 2400]])).toEqual([false, false, false, true]);
  });
});
