/**
 * The browser tab's title, and this device's choice to keep it discreet (issue 16): a tab that
 * says "Notes" instead of "Closeness · Innermost" on a shared computer or in a tab switcher. The
 * choice stays on this device (localStorage), like the notifications' detail level; it is never
 * synced, so another device of the same person decides for itself.
 */
import { effect, signal } from '@preact/signals';

const STORAGE_KEY = 'innermost.discreet-title';

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

/** True when this device shows the discreet title. */
export const discreetTitle = signal(stored());
/** The screen's own title (set by ScreenTitle), shown when the device has not chosen discretion. */
export const screenTitle = signal<string | null>(null);

export function setDiscreetTitle(on: boolean): void {
  try {
    if (on) localStorage.setItem(STORAGE_KEY, '1');
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the choice holds for this visit.
  }
  discreetTitle.value = on;
}

/**
 * Keeps document.title in step: `discreet` is the neutral title, `full(title)` the screen's.
 * Called once at start with the words of the shell's catalog.
 */
export function followDocumentTitle(words: { discreet: string; full: (title: string) => string; plain: string }): () => void {
  return effect(() => {
    const title = screenTitle.value;
    document.title = discreetTitle.value ? words.discreet : title ? words.full(title) : words.plain;
  });
}
