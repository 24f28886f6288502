import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { FormError } from './form-error.tsx';
import { Modal } from './modal.tsx';
import { describeError, type DescribedError } from '../platform/errors/error-catalog.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  busyLabel: string;
  cancelLabel: string;
  /** 'danger' for lasting removals (withdrawing, deleting, removing someone); sealing is a primary, deliberate step. */
  variant?: 'primary' | 'danger';
  onConfirm: () => Promise<void>;
}

/** A question with lasting effects, asked once, with "not yet" as the easy default. */
export function ConfirmDialog({ open, onClose, title, children, confirmLabel, busyLabel, cancelLabel, variant = 'primary', onConfirm }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DescribedError | null>(null);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setBusy(false);
      onClose();
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <Modal open={open} onClose={onClose} title={title} role="alertdialog">
      {children}
      <FormError error={error} onRetry={confirm} />
      <div class="actions">
        <button type="button" class="button secondary" autoFocus onClick={onClose}>
          {cancelLabel}
        </button>
        <button type="button" class={`button ${variant}`} aria-disabled={busy ? 'true' : undefined} onClick={confirm}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
