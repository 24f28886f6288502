import { describe, expect, it } from 'vitest';
import { lazyActions, loadOnce } from './lazy.ts';

interface Actions {
  save(a: string, options?: { also: boolean }): Promise<string>;
  count(): Promise<number>;
}

describe('lazy actions', () => {
  it('load once, forward every argument, and try again after a failed load', async () => {
    let imports = 0;
    let fail = true;
    const load = loadOnce(async () => {
      imports++;
      if (fail) throw new Error('offline');
      const impl: Actions = { save: async (a, options) => `${a}:${options?.also ?? 'none'}`, count: async () => imports };
      return impl;
    });
    const actions = lazyActions<Actions>(load, { save: true, count: true });
    await expect(actions.count()).rejects.toThrow('offline');
    fail = false;
    expect(await actions.save('x', { also: true })).toBe('x:true');
    expect(await actions.save('y')).toBe('y:none');
    expect(await actions.count()).toBe(2);
    expect(imports).toBe(2);
  });
});
