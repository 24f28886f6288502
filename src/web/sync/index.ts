/**
 * This browser's sync engine: createSyncEngine with the browser's parts (fetch, IndexedDB,
 * EventSource, timers, navigator.onLine). Modules import `engine` from here; tests build their
 * own engines from the same factory with Node's parts.
 */
import type { LiveEvent } from '../../shared/api.ts';
import { client, isTransient } from '../platform/api.ts';
import type { LiveConnector, Network } from './context.ts';
import { createSyncEngine } from './engine.ts';
import { deviceDb } from '../platform/local-db.ts';

const eventSource: LiveConnector = {
  open(handlers) {
    const source = new EventSource('/api/events');
    source.onopen = () => handlers.onOpen();
    source.onerror = () => {
      handlers.onError();
      // EventSource retries by itself while the server answers; after a hard failure it stops.
      if (source.readyState === EventSource.CLOSED) handlers.onClosed();
    };
    source.onmessage = (message: MessageEvent<string>) => {
      let event: LiveEvent;
      try {
        event = JSON.parse(message.data) as LiveEvent;
      } catch {
        return;
      }
      handlers.onEvent(event);
    };
    return { close: () => source.close() };
  },
};

const browserNetwork: Network = {
  online: () => (typeof navigator === 'undefined' ? true : navigator.onLine),
  subscribe(onChange) {
    const up = () => onChange(true);
    const down = () => onChange(false);
    addEventListener('online', up);
    addEventListener('offline', down);
    return () => {
      removeEventListener('online', up);
      removeEventListener('offline', down);
    };
  },
};

export const engine = createSyncEngine({
  client,
  db: deviceDb,
  clock: { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
  live: eventSource,
  network: browserNetwork,
  isTransient,
  warn: (message) => console.warn(message),
});
