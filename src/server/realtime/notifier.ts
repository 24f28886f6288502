/**
 * Tells signed-in clients that something changed in a space they belong to (never what). The
 * server decides the recipients (members at the time of the change) before publishing, so a
 * subscriber only ever sees events addressed to its own user id.
 */
import type { LiveEvent } from '../../shared/api.ts';

export type LiveEventListener = (event: LiveEvent) => void;

export interface Notifier {
  /** Delivers `event` to every subscriber of each of `userIds`, on every app server. */
  publish(userIds: string[], event: LiveEvent): Promise<void>;
  /**
   * PostgreSQL only (PostgresNotifier): the NOTIFY channel it listens on, with payloads in its
   * wire format `{"u": [user ids], "e": event}`. A statement that changes data may send its own
   * notices there, so they commit with the change (WRITE_MANY_PG does, ADR 035).
   */
  readonly channel?: string;
  /** Returns an unsubscribe function. */
  subscribe(userId: string, listener: LiveEventListener): () => void;
  close(): Promise<void>;
}

/** Local fan-out shared by both notifiers: user id -> listeners on this process. */
export class LocalSubscribers {
  readonly #listeners = new Map<string, Set<LiveEventListener>>();

  subscribe(userId: string, listener: LiveEventListener): () => void {
    let set = this.#listeners.get(userId);
    if (!set) {
      set = new Set();
      this.#listeners.set(userId, set);
    }
    set.add(listener);
    return () => {
      const current = this.#listeners.get(userId);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.#listeners.delete(userId);
    };
  }

  deliver(userIds: Iterable<string>, event: LiveEvent): void {
    for (const userId of new Set(userIds)) {
      const set = this.#listeners.get(userId);
      if (!set) continue;
      for (const listener of [...set]) {
        try {
          listener(event);
        } catch {
          // One broken stream must not stop delivery to the others.
        }
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}

/** The default: one app server, delivery in process. */
export class InProcessNotifier implements Notifier {
  readonly #local = new LocalSubscribers();

  async publish(userIds: string[], event: LiveEvent): Promise<void> {
    this.#local.deliver(userIds, event);
  }

  subscribe(userId: string, listener: LiveEventListener): () => void {
    return this.#local.subscribe(userId, listener);
  }

  async close(): Promise<void> {
    this.#local.clear();
  }
}
