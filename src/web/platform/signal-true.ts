/**
 * Resolves once a signal reads true. Reading it subscribes, so a store that starts its engine
 * when first watched (a signal's `watched` option) starts now.
 */
import { effect, type ReadonlySignal } from '@preact/signals';

export function whenTrue(signal: ReadonlySignal<boolean>): Promise<void> {
  return new Promise((resolve) => {
    let stop: (() => void) | null = null;
    let done = false;
    stop = effect(() => {
      if (!signal.value || done) return;
      done = true;
      resolve();
      // The first run happens inside effect() itself, before `stop` is set.
      queueMicrotask(() => stop?.());
    });
  });
}
