import { useState } from 'preact/hooks';
import { describeError, type DescribedError } from '../platform/errors/error-catalog.ts';
import { announce } from './live-region.tsx';

/**
 * One way to run a button's action outside a form: ignore presses while busy, say the outcome in
 * the live region, and keep the error (in the catalog's words) for a FormError beside the button.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DescribedError | null>(null);
  async function run(action: () => Promise<void>, message: string): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
      announce(message);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
