import { signal } from '@preact/signals';

/** The text the polite live region reads next ("Saved", "Waiting to reconnect", "Alex joined"). */
const liveText = signal('');
let clearTimer: ReturnType<typeof setTimeout> | undefined;
let setTimer: ReturnType<typeof setTimeout> | undefined;

/** How long a message stays in the region; cleared afterwards so the same text can be read again. */
const LIVE_MESSAGE_MS = 6_000;
/** A short gap so screen readers notice a change even when the same text is announced twice. */
const LIVE_GAP_MS = 60;

export function announce(text: string): void {
  clearTimeout(clearTimer);
  clearTimeout(setTimer);
  liveText.value = '';
  setTimer = setTimeout(() => {
    liveText.value = text;
    clearTimer = setTimeout(() => (liveText.value = ''), LIVE_MESSAGE_MS);
  }, LIVE_GAP_MS);
}

/** One polite status region for the whole app, outside the screens so it survives route changes. */
export function LiveRegion() {
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {liveText.value}
    </div>
  );
}
