/**
 * lazyEngine: a feature's engine loads on first use (an action, `activate`, or the first screen
 * that subscribes to one of its signals through `watched`), is activated exactly once, and is
 * tried again after a failed load.
 */
import { effect, signal } from '@preact/signals';
import { afterEach, expect, it, vi } from 'vitest';
import { lazyEngine, type EngineModule } from './lazy.ts';

interface Actions {
  save(a: string, options?: { also: boolean }): Promise<string>;
  count(): Promise<number>;
}

/** A feature's engine module, counting its imports and activations; `failures` imports fail first. */
function fakeEngine(failures = 0) {
  const counts = { imports: 0, activations: 0, failures };
  const module: EngineModule<Actions> = {
    activate: () => void counts.activations++,
    actions: { save: async (a, options) => `${a}:${options?.also ?? 'none'}`, count: async () => counts.activations },
  };
  const importer = async () => {
    counts.imports++;
    if (counts.failures > 0) {
      counts.failures--;
      throw new Error('offline');
    }
    return module;
  };
  return { counts, lazy: lazyEngine<Actions>('test feature', importer, { save: true, count: true }) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

it('loads and activates once, whatever asks first, and forwards every argument', async () => {
  const { counts, lazy } = fakeEngine();
  expect(counts.imports).toBe(0);
  const [saved, plain] = await Promise.all([lazy.actions.save('x', { also: true }), lazy.actions.save('y'), lazy.activate()]);
  await lazy.activate();
  expect([saved, plain]).toEqual(['x:true', 'y:none']);
  expect(await lazy.actions.count()).toBe(1);
  expect(counts).toMatchObject({ imports: 1, activations: 1 });
});

it('a signal declared with `watched` loads the engine when a screen first subscribes to it, not when it is declared or peeked at', async () => {
  const { counts, lazy } = fakeEngine();
  const items = signal<string[]>([], lazy.watched);
  const ready = signal(false, lazy.watched);
  expect(items.peek()).toEqual([]);
  expect(counts.imports).toBe(0);

  const stop = effect(() => void items.value);
  await vi.waitFor(() => expect(counts.activations).toBe(1), { timeout: 1_000 });
  // More subscribers, to this signal or another of the feature's: nothing loads again.
  const stopToo = effect(() => void items.value);
  const stopReady = effect(() => void ready.value);
  await lazy.activate();
  expect(counts).toMatchObject({ imports: 1, activations: 1 });
  stop();
  stopToo();
  stopReady();
});

it('activate never throws; a failed load is tried again on the next use and then activates once', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { counts, lazy } = fakeEngine(2);
  await expect(lazy.activate()).resolves.toBeUndefined();
  expect(warn).toHaveBeenCalledWith('test feature did not load', 'offline');
  await expect(lazy.actions.save('x')).rejects.toThrow('offline');
  expect(counts.activations).toBe(0);

  expect(await lazy.actions.save('x')).toBe('x:none');
  await lazy.activate();
  expect(counts).toMatchObject({ imports: 3, activations: 1 });
});
