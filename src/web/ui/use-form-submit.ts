import { useState } from 'preact/hooks';
import { describeError, type DescribedError } from '../platform/errors/error-catalog.ts';
import { useFocusInvalid } from './use-focus-invalid.ts';

interface Options {
  /** The checks made before sending: false stops the submit and focuses the first invalid field (in the form holding `formRef`). */
  check?: () => boolean;
  /** What the form does once its checks pass; a failure is shown in the catalog's words. */
  action: () => Promise<void>;
  /**
   * The form stays on screen after it succeeds (settings, a space) and can be sent again. Without
   * it the screen moves on, so the button stays busy until it goes and nothing is sent twice.
   */
  stays?: boolean;
  /** Told when the action starts and when it ends (sign-up keeps its screen in place meanwhile). */
  onBusy?: (busy: boolean) => void;
}

/**
 * One way to send a form: ignore submits while busy, run the checks, then the action, showing its
 * error if it fails. `retry` submits again (for FormError's "Try again").
 */
export function useFormSubmit({ check, action, stays = false, onBusy }: Options) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DescribedError | null>(null);
  const { formRef, focusInvalid } = useFocusInvalid();

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (check && !check()) {
      focusInvalid();
      return;
    }
    setBusy(true);
    setError(null);
    onBusy?.(true);
    try {
      await action();
      if (stays) setBusy(false);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    } finally {
      onBusy?.(false);
    }
  }

  return { formRef, onSubmit, busy, error, retry: () => formRef.current?.requestSubmit() };
}
