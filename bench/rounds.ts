/**
 * Reveal latency of a round: the time from the last participant sending their answer to another
 * participant's event stream receiving the 'rounds' notice of that reveal, over loopback, p50/p99
 * over ROUNDS sequential rounds of two partners. One app server (as main.ts builds it) on a temp
 * SQLite database with the in-process notifier, the approach of realtime.ts. Each round is
 * started and answered by the listener first (those notices are received before the clock
 * starts), so the notice timed is the reveal's.
 *
 * Env: BENCH_ROUNDS (default 200).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db/open.ts';
import { blob } from '../tests/factories/blobs.ts';
import { createRound } from '../tests/factories/rounds.ts';
import { createCouple } from '../tests/factories/spaces.ts';
import { createUser } from '../tests/factories/users.ts';
import { benchApp, httpClient, listenNode, percentile } from './http.ts';
import { subscribe } from './realtime.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS) || 200;
const WARMUP = 10;

/** Counts 'rounds' notices per round id on one live event stream; waits for the n-th of a round. */
async function roundNotices(base: string, cookie: string) {
  const seen = new Map<string, number[]>();
  const waiters = new Map<string, { n: number; resolve: (at: number) => void }>();
  const stop = await subscribe(base, cookie, (event, at) => {
    if (event.type !== 'rounds' || !event.roundId) return;
    const times = seen.get(event.roundId) ?? [];
    times.push(at);
    seen.set(event.roundId, times);
    const waiter = waiters.get(event.roundId);
    if (waiter && times.length >= waiter.n) {
      waiters.delete(event.roundId);
      waiter.resolve(times[waiter.n - 1]!);
    }
  });
  return {
    /** When the n-th notice about `roundId` arrived (waits for it, up to 5 s). */
    nth(roundId: string, n: number): Promise<number> {
      const times = seen.get(roundId);
      if (times && times.length >= n) return Promise.resolve(times[n - 1]!);
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no notice ${n} for round ${roundId}`)), 5000);
        waiters.set(roundId, {
          n,
          resolve: (at) => {
            clearTimeout(timer);
            resolve(at);
          },
        });
      });
    },
    forget(roundId: string): void {
      seen.delete(roundId);
    },
    stop,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export async function benchRounds(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'innermost-bench-rounds-'));
  try {
    const database = await openDatabase({ sqlitePath: join(dir, 'app.db') });
    const server = await listenNode(benchApp(database));
    try {
      const client = httpClient(server.base);
      const a = await createUser(client);
      const b = await createUser(client);
      const space = await createCouple(client, a, b);
      const notices = await roundNotices(server.base, a.cookie);
      const latencies: number[] = [];
      const answer = (cookie: string, roundId: string) =>
        fetch(`${server.base}/api/spaces/${space.id}/rounds/${roundId}/submission`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ ciphertext: blob.submission(), signature: blob.signature() }),
        });
      try {
        for (let i = 0; i < ROUNDS + WARMUP; i++) {
          const round = await createRound(client, a, space, [b]);
          const first = await answer(a.cookie, round.id);
          if (first.status !== 201) throw new Error(`first answer: ${first.status}`);
          await first.arrayBuffer();
          // Notices 1 (started) and 2 (a answered) are in before the clock starts.
          await notices.nth(round.id, 2);
          const started = performance.now();
          const last = await answer(b.cookie, round.id);
          const body = (await last.json()) as { round?: { status?: string } };
          if (last.status !== 201 || body.round?.status !== 'revealed') throw new Error(`last answer: ${last.status} ${JSON.stringify(body)}`);
          const receivedAt = await notices.nth(round.id, 3);
          notices.forget(round.id);
          if (i >= WARMUP) latencies.push(receivedAt - started);
        }
      } finally {
        await notices.stop();
      }
      latencies.sort((x, y) => x - y);
      return {
        rounds_reveal_notice_p50_ms: round2(percentile(latencies, 50)),
        rounds_reveal_notice_p99_ms: round2(percentile(latencies, 99)),
        rounds_reveal_samples: latencies.length,
      };
    } finally {
      await server.close();
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  console.log(await benchRounds());
}
