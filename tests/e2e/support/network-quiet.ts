import type { Page } from 'playwright-core';

/**
 * Resolves after `quietMs` in which this person's browser sent no request at all: the screen's
 * own loading is done and the outbox has nothing left to send (it sends at once while online).
 * A wait for that event, not a fixed pause: a busy machine only makes it take longer.
 */
export async function networkQuiet(page: Page, quietMs = 1_000): Promise<void> {
  let last = Date.now();
  const onRequest = () => (last = Date.now());
  page.context().on('request', onRequest);
  try {
    while (Date.now() - last < quietMs) await new Promise((r) => setTimeout(r, 100));
  } finally {
    page.context().off('request', onRequest);
  }
}
