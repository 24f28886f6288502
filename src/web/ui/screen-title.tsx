import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { screenTitle } from '../platform/doc-title.ts';

/**
 * Focus moves to a new screen's heading only once the person has interacted: on first load the
 * browser's own starting point (the top, with the skip link first) is kept.
 */
let interacted = false;
const markInteracted = () => {
  interacted = true;
};
addEventListener('pointerdown', markInteracted, { capture: true, once: true });
addEventListener('keydown', markInteracted, { capture: true, once: true });

interface Props {
  children: ComponentChildren;
  /** The document title; defaults to the heading's text when it is a plain string. */
  docTitle?: string;
  class?: string;
}

/**
 * The one h1 of a screen. It takes focus when the screen changes, so keyboard and screen-reader
 * users start at the top of the new screen, and it names the screen for the tab's title.
 */
export function ScreenTitle({ children, docTitle, class: className }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  const title = docTitle ?? (typeof children === 'string' ? children : undefined);

  useEffect(() => {
    if (interacted) ref.current?.focus();
  }, []);

  useEffect(() => {
    // The shell turns it into the tab's title, or the discreet one this device chose (platform/doc-title.ts).
    if (title) screenTitle.value = title;
  }, [title]);

  return (
    <h1 ref={ref} tabIndex={-1} class={className}>
      {children}
    </h1>
  );
}
