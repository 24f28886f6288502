/**
 * Shutdown coordination: /readyz turns 503 as soon as shutdown begins (so a load balancer stops
 * sending traffic), and open SSE streams are ended so the HTTP server can close.
 */
export class Lifecycle {
  #shuttingDown = false;
  readonly #onShutdown = new Set<() => void>();

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  /** Registers a callback run once at shutdown; returns its unregister function. */
  onShutdown(callback: () => void): () => void {
    if (this.#shuttingDown) {
      callback();
      return () => {};
    }
    this.#onShutdown.add(callback);
    return () => this.#onShutdown.delete(callback);
  }

  beginShutdown(): void {
    if (this.#shuttingDown) return;
    this.#shuttingDown = true;
    for (const callback of [...this.#onShutdown]) {
      try {
        callback();
      } catch {
        // keep shutting down
      }
    }
    this.#onShutdown.clear();
  }
}
