import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ComponentChildren;
  /** 'alert' for a dialog that asks to confirm something with lasting effects. */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A native modal <dialog>: focus is trapped and restored by the browser, Escape closes it. Its
 * content is rendered only while open, so each opening starts fresh; while open, nothing typed
 * is lost.
 */
export function Modal({ open, onClose, title, children, role }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  // Layout effect: the dialog opens and closes in the same frame as the state change, so focus
  // and inertness never lag behind what is on screen.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      class="modal"
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      onClose={() => {
        if (open) onClose();
      }}
      onClick={(e) => {
        // A tap on the backdrop (outside the box) closes it, as people expect of a sheet.
        if (e.target === ref.current) ref.current?.close();
      }}
    >
      {open && (
        <div class="modal-body">
          <h2 id={titleId}>{title}</h2>
          {children}
        </div>
      )}
    </dialog>
  );
}
