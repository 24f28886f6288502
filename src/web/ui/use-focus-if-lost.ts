import { useEffect, useRef } from 'preact/hooks';

/**
 * When a part of a screen replaces another live (sealing, a reveal, a withdrawal), the control
 * that had focus may be gone and focus falls back to the page. This puts it on the new part's
 * heading instead, so keyboard and screen-reader users are not left at the top. It does nothing
 * when focus is still somewhere meaningful.
 */
export function useFocusIfLost<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    // Checked after the browser has settled focus for this render.
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) ref.current?.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  return ref;
}
