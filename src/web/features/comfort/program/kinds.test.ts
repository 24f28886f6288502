import { beforeAll, describe, expect, it } from 'vitest';
import { registerKinds } from '../../../sync/kinds.ts';
import { apply, decoded, PERSONAL, SHARED, spaceOf } from '../../../sync/testing.ts';
import { CHECK_IN_NOTE_CHARS, checkInNote, programKinds, progressNote, touchProgramDocs } from './kinds.ts';

beforeAll(() => registerKinds(...programKinds));

const ALEX = '01890000-0000-7000-8000-0000000000a1';
const SAM = '01890000-0000-7000-8000-0000000000b2';
const SEALED = 'AQIDBAUGBwgJ';
const checkIn = { k: 'touch-program-check-in', v: 1, with: SAM, sealed: SEALED };

describe('touch program records', () => {
  it('round-trip: who wrote for whom, and a sealed note', () => {
    expect(decoded({ k: 'touch-program', v: 1, n: 1, with: SAM, sealed: SEALED })).toEqual({ k: 'touch-program', n: 1, with: SAM, sealed: SEALED });
    const { v: _v, ...fields } = checkIn;
    expect(decoded(checkIn)).toEqual(fields);
  });

  it('refuse what is not exactly ours: nothing in the clear besides the partner', () => {
    for (const raw of [
      { k: 'touch-program', v: 1, n: 1, with: 'sam', sealed: SEALED },
      { k: 'touch-program', v: 1, n: 1, with: SAM, sealed: 'not base64!' },
      { k: 'touch-program', v: 1, n: 1, with: SAM, sealed: '' },
      { k: 'touch-program', v: 1, n: 1, with: SAM, sealed: SEALED, paused: true },
      { k: 'touch-program', v: 1, with: SAM, sealed: SEALED },
      { ...checkIn, sealed: 'A'.repeat(3001) },
      { ...checkIn, safe: 3 },
    ]) {
      expect(decoded(raw), JSON.stringify(raw).slice(0, 80)).toBeNull();
    }
  });

  it('the notes, once opened: progress (duplicates dropped) and check-ins, strictly', () => {
    expect(progressNote.parse({ ready: ['a', 'a', 'b'], paused: false })).toEqual({ ready: ['a', 'b'], paused: false });
    const note = { session: 'taking-turns', safe: 8, close: 6, at: 1_000 };
    expect(checkInNote.parse({ ...note, change: '  slower at the start  ' })).toMatchObject({ change: 'slower at the start' });
    for (const bad of [{ ...note, safe: 11 }, { ...note, close: 2.5 }, { ...note, change: 'x'.repeat(CHECK_IN_NOTE_CHARS + 1) }, { ...note, change: '   ' }, { ...note, mood: 1 }]) {
      expect(checkInNote.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
    }
    expect(progressNote.safeParse({ ready: ['Not Kebab'], paused: false }).success).toBe(false);
  });

  it('keep each person’s own progress per partner; nobody can write another’s', () => {
    const state = spaceOf(SHARED);
    apply(state, { k: 'touch-program', v: 1, n: 1, with: SAM, sealed: 'QUxFWA' }, { authorId: ALEX });
    // Sam writing for Alex lands on Sam's own document, not on Alex's.
    apply(state, { k: 'touch-program', v: 1, n: 5, with: ALEX, sealed: 'U0FN' }, { authorId: SAM });
    apply(state, { k: 'touch-program', v: 1, n: 1, with: ALEX, sealed: SEALED }, { authorId: ALEX });
    const progress = touchProgramDocs(state).progress;
    expect(progress.get(`${ALEX} ${SAM}`)).toMatchObject({ from: ALEX, with: SAM, sealed: 'QUxFWA' });
    expect(progress.get(`${SAM} ${ALEX}`)).toMatchObject({ from: SAM, with: ALEX, sealed: 'U0FN' });
    expect(progress.has(`${ALEX} ${ALEX}`)).toBe(false);
  });

  it('a newer version wins whatever the order the server gives (a pause cannot be rolled back)', () => {
    const state = spaceOf(SHARED);
    apply(state, { k: 'touch-program', v: 1, n: 2, with: SAM, sealed: 'bmV3' }, { authorId: ALEX, seq: 1 });
    apply(state, { k: 'touch-program', v: 1, n: 1, with: SAM, sealed: 'b2xk' }, { authorId: ALEX, seq: 2 });
    expect(touchProgramDocs(state).progress.get(`${ALEX} ${SAM}`)?.sealed).toBe('bmV3');
  });

  it('keep check-ins by record id with their author and the server’s time, only in shared places', () => {
    const state = spaceOf(SHARED);
    const id = '01890000-0000-7000-8000-0000000000c1';
    apply(state, checkIn, { authorId: ALEX, id, createdAt: 5_000 });
    apply(state, checkIn, { authorId: ALEX, id, createdAt: 5_000 });
    expect([...touchProgramDocs(state).checkIns.values()]).toEqual([{ id, from: ALEX, with: SAM, sealed: SEALED, createdAt: 5_000 }]);
    const personal = spaceOf(PERSONAL);
    apply(personal, checkIn, { authorId: ALEX });
    expect(touchProgramDocs(personal).checkIns.size).toBe(0);
  });
});
