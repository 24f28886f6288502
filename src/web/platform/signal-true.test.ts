import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { whenTrue } from './signal-true.ts';

describe('whenTrue', () => {
  it('resolves at once for a true signal, and once a false one turns true, then stops watching', async () => {
    await whenTrue(signal(true));
    let watchers = 0;
    const ready = signal(false, { watched: () => void watchers++, unwatched: () => void watchers-- });
    let resolved = false;
    const waiting = whenTrue(ready).then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    expect(watchers).toBe(1);
    ready.value = true;
    await waiting;
    await new Promise((r) => setTimeout(r, 0));
    expect(watchers).toBe(0);
  });
});
