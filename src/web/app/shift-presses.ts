/**
 * Shift pressed three times, alone, within a short while: the quick-exit shortcut public services
 * use (for example the UK government's "exit this page" component). Pure, so it is unit tested:
 * any other key in between, a held Shift's repeats, or too slow a rhythm starts the count over.
 */

/** Three presses within this window (gov.uk's component uses about a second; a little slack for tremor). */
export const SHIFT_WINDOW_MS = 1_500;

export interface KeyPress {
  key: string;
  repeat: boolean;
  at: number;
}

/** Returns a function to feed each keydown; it answers true on the third quick lone Shift. */
export function shiftCounter(window = SHIFT_WINDOW_MS): (press: KeyPress) => boolean {
  let presses: number[] = [];
  return ({ key, repeat, at }) => {
    if (key !== 'Shift') {
      presses = [];
      return false;
    }
    if (repeat) return false;
    presses = [...presses.filter((t) => at - t <= window), at];
    if (presses.length >= 3) {
      presses = [];
      return true;
    }
    return false;
  };
}
