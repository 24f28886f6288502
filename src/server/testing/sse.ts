/** Reads a Server-Sent Events response body (from app.request or fetch) event by event. */
import type { LiveEvent } from '../../shared/api.ts';
import { uuidv7 } from '../../shared/ids.ts';

export interface SseReader {
  /** The next `data:` event (comments and retry lines are skipped), or null after `timeoutMs`. */
  next(timeoutMs?: number): Promise<LiveEvent | null>;
  /**
   * The events that arrived before `marker` (consumed with it). Throws when the marker has not
   * arrived within `timeoutMs` or the stream ended first. See markerEvent().
   */
  until(marker: LiveEvent, timeoutMs?: number): Promise<LiveEvent[]>;
  /** Whether a comment line `: text` arrived, waiting for it up to `timeoutMs`. */
  comment(text: string, timeoutMs?: number): Promise<boolean>;
  /** Resolves once the stream has ended (the server closed it). */
  ended(timeoutMs?: number): Promise<boolean>;
  /** Every comment line seen so far (heartbeats). */
  comments: string[];
  close(): Promise<void>;
}

export function readSse(res: Response): SseReader {
  if (!res.body) throw new Error('no body');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const events: LiveEvent[] = [];
  const comments: string[] = [];
  let buffer = '';
  let done = false;
  let waiters: Array<() => void> = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  void (async () => {
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        let index: number;
        while ((index = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, index);
          buffer = buffer.slice(index + 2);
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length) events.push(JSON.parse(data.join('\n')) as LiveEvent);
        }
        wake();
      }
    } catch {
      // cancelled
    } finally {
      done = true;
      wake();
    }
  })();

  const waitFor = async (ready: () => boolean, timeoutMs: number): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      const left = deadline - Date.now();
      if (left <= 0 || done) return ready();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  };

  return {
    comments,
    async next(timeoutMs = 2000) {
      await waitFor(() => events.length > 0, timeoutMs);
      return events.shift() ?? null;
    },
    async until(marker, timeoutMs = 2000) {
      const key = JSON.stringify(marker);
      const at = () => events.findIndex((e) => JSON.stringify(e) === key);
      if (!(await waitFor(() => at() >= 0, timeoutMs))) {
        throw new Error(`the marker ${key} did not arrive; before it: ${JSON.stringify(events)}`);
      }
      return events.splice(0, at() + 1).slice(0, -1);
    },
    async comment(text, timeoutMs = 2000) {
      return waitFor(() => comments.includes(text), timeoutMs);
    },
    async ended(timeoutMs = 2000) {
      return waitFor(() => done, timeoutMs);
    },
    async close() {
      await reader.cancel().catch(() => {});
    },
  };
}

/** Opens /api/events and waits until the server has subscribed (its first comment arrived). */
export async function openEvents(
  app: { request(input: string, init?: RequestInit): Response | Promise<Response> },
  cookie: string,
): Promise<{ res: Response; sse: SseReader }> {
  const res = await app.request('/api/events', { headers: { cookie } });
  if (res.status !== 200) throw new Error(`events: ${res.status}`);
  const sse = readSse(res);
  if (!(await sse.comment('connected'))) throw new Error('events: no "connected" comment');
  return { res, sse };
}

/**
 * A notice that no real change produces (its space id is new), for proving that something did
 * NOT arrive without waiting a fixed time: publish it through the app's notifier after the
 * action under test, then `sse.until(marker)` returns everything the stream received before it.
 * A stream delivers in the order things were published, so anything the action published is in
 * that list.
 */
export function markerEvent(): LiveEvent {
  return { spaceId: uuidv7(), type: 'members' };
}
