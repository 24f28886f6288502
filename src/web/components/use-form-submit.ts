import { useState } from 'preact/hooks';
import { authFlowBusy } from '../features/account/store.ts';
import { describeError, type DescribedError } from '../features/errors/error-catalog.ts';
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
  /** Sign-up, sign-in, recovery: keeps the signed-out screen in place until the flow ends (see app.tsx). */
  authFlow?: boolean;
}

/**
 * One way to send a form: ignore submits while busy, run the checks, then the action, showing its
 * error if it fails. `retry` submits again (for FormError's "Try again").
 */
export function useFormSubmit({ check, action, stays = false, authFlow = false }: Options) {
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
    if (authFlow) authFlowBusy.value = true;
    try {
      await action();
      if (stays) setBusy(false);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    } finally {
      if (authFlow) authFlowBusy.value = false;
    }
  }

  return { formRef, onSubmit, busy, error, retry: () => formRef.current?.requestSubmit() };
}
