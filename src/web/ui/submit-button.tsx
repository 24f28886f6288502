import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { announce } from './live-region.tsx';

interface Props {
  busy: boolean;
  /** Shown (and said) while busy, e.g. "Creating your account…". */
  busyLabel: string;
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'danger';
}

/**
 * A form's submit button. While busy it stays focusable (aria-disabled, not disabled, so focus is
 * not lost), the form ignores further submits, and its label says what is happening; the same
 * words go to the live region, since a label change on a focused button is not always read.
 */
export function SubmitButton({ busy, busyLabel, children, variant = 'primary' }: Props) {
  useEffect(() => {
    if (busy) announce(busyLabel);
  }, [busy]);

  return (
    <button type="submit" class={`button ${variant}`} aria-disabled={busy ? 'true' : undefined} data-busy={busy || undefined}>
      {busy ? (
        <>
          <span class="spinner" aria-hidden="true" />
          {busyLabel}
        </>
      ) : (
        children
      )}
    </button>
  );
}
