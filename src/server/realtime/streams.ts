/**
 * Live-event streams per session (ADR 030). Each open stream holds a connection, a subscription
 * and a heartbeat that reads the database; one browser needs one per open tab. Past the cap a new
 * stream closes the session's oldest (a forgotten tab reconnects when it is looked at again), so
 * one session can never hold more than the cap. Counted per app server.
 */
export function createStreamRegistry(maxPerSession: number) {
  const bySession = new Map<string, Array<() => void>>();

  return {
    /** Registers a stream's `close`; returns the function to call when it ends. */
    open(sessionId: string, close: () => void): () => void {
      const list = bySession.get(sessionId) ?? [];
      list.push(close);
      bySession.set(sessionId, list);
      if (maxPerSession > 0) {
        while (list.length > maxPerSession) list.shift()!();
      }
      return () => {
        const current = bySession.get(sessionId);
        if (!current) return;
        const at = current.indexOf(close);
        if (at >= 0) current.splice(at, 1);
        if (current.length === 0) bySession.delete(sessionId);
      };
    },

    /** Streams open for a session (tests, metrics). */
    count(sessionId: string): number {
      return bySession.get(sessionId)?.length ?? 0;
    },
  };
}

export type StreamRegistry = ReturnType<typeof createStreamRegistry>;
