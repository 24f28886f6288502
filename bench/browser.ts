/**
 * Figures measured in Debian's Chromium against the built app:
 * - the gzip size of the JavaScript the first screen loads (every script response until the
 *   network is idle, gzipped here at level 9 as a static server would serve it), for someone
 *   signed out (without, and separately, what the app loads once the browser is idle: the help
 *   centre's screens) and for a returning person on a device that stays unlocked (Today, after a
 *   reload, everything until the network is idle),
 *   and what the signed-out first screen's scripts weigh on the wire as the server sends them;
 * - the layout shift of Today for that returning person (cumulative, as Chromium reports it);
 * - Argon2id unlock time at our floor parameters (64 MiB, t=3, p=1) in the app's own KDF worker,
 *   against a baseline of one SHA-256 of 1 MiB through WebCrypto in the same page.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { startServer } from '../tests/e2e/support/app-server.ts';
import { signUp } from '../tests/e2e/support/journeys.ts';

const ROOT = resolve(import.meta.dirname, '..');

export async function benchBrowser(): Promise<Record<string, number>> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    /** Bytes of script actually sent over the wire (after the server's precompression). */
    const transferred = new Map<string, number>();
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (type !== 'script') return;
      try {
        scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
        transferred.set(response.url(), (await response.request().sizes()).responseBodySize);
      } catch {
        // a response without a body (redirect): nothing to count
      }
    });
    await page.goto(server.url, { waitUntil: 'networkidle' });
    // The app marks when its idle-time work begins (the help centre's screens, loaded ahead so
    // opening them asks for nothing): scripts requested from then on are not the first screen's.
    const idleScripts = await page.evaluate(() => {
      const mark = performance.getEntriesByName('innermost:idle-work')[0]?.startTime ?? Infinity;
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= mark)
        .map((e) => e.name);
    });
    const sum = (m: Map<string, number>, keep: (url: string) => boolean) => [...m].filter(([url]) => keep(url)).reduce((a, [, b]) => a + b, 0);
    const beforeIdle = (url: string) => !idleScripts.includes(url);
    const firstScreenGzipBytes = sum(scripts, beforeIdle);
    const firstScreenWireBytes = sum(transferred, beforeIdle);
    const idleGzipBytes = sum(scripts, (url) => !beforeIdle(url));

    const worker = readdirSync(join(ROOT, 'dist/web/assets')).find((f) => /^kdf\.worker.*\.js$/.test(f));
    if (!worker) throw new Error('no kdf worker in dist/web/assets');
    // A returning person: signed up on this device (kept unlocked), then the app opened again.
    await signUp({ page, context, problems: [] }, { email: `bench.${Date.now()}@example.test`, password: 'quiet harbour bench lantern' });
    // Layout shift on Today, as the browser reports it (CLS: shifts not caused by input, summed).
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) w.__shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    scripts.clear();
    await page.reload({ waitUntil: 'networkidle' });
    const returningGzipBytes = [...scripts.values()].reduce((a, b) => a + b, 0);
    await page.getByRole('heading', { name: 'Spaces' }).or(page.getByRole('heading', { level: 2 }).first()).first().waitFor();
    await page.waitForTimeout(1000); // let late parts (the library card) arrive: a measurement, not a test
    const todayShift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);

    const timings = await page.evaluate(async (workerUrl: string) => {
      const runs: number[] = [];
      const w = new Worker(workerUrl, { type: 'module' });
      const params = { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 };
      for (let i = 0; i < 4; i++) {
        const salt = crypto.getRandomValues(new Uint8Array(16));
        const t0 = performance.now();
        await new Promise<void>((done, fail) => {
          w.onmessage = (e: MessageEvent<{ ok: boolean }>) => (e.data.ok ? done() : fail(new Error('kdf failed')));
          w.postMessage({ id: i + 1, password: 'correct horse battery staple', salt, params });
        });
        runs.push(performance.now() - t0);
      }
      w.terminate();
      const data = new Uint8Array(1024 * 1024);
      const b0 = performance.now();
      for (let i = 0; i < 20; i++) await crypto.subtle.digest('SHA-256', data);
      const sha = (performance.now() - b0) / 20;
      return { runs, sha };
    }, `/assets/${worker}`);
    // The first run includes compiling the WebAssembly module; an unlock after a reload pays it too.
    const first = timings.runs[0]!;
    const warm = timings.runs.slice(1).sort((a, b) => a - b)[1]!;
    return {
      first_screen_js_gzip_bytes: firstScreenGzipBytes,
      first_screen_js_gzip_kb: Math.round((firstScreenGzipBytes / 1024) * 10) / 10,
      first_screen_js_transferred_kb: Math.round((firstScreenWireBytes / 1024) * 10) / 10,
      first_screen_idle_js_gzip_kb: Math.round((idleGzipBytes / 1024) * 10) / 10,
      first_screen_returning_js_gzip_kb: Math.round((returningGzipBytes / 1024) * 10) / 10,
      today_layout_shift: Math.round(todayShift * 1000) / 1000,
      argon2id_unlock_cold_ms: Math.round(first),
      argon2id_unlock_warm_ms: Math.round(warm),
      sha256_1mib_baseline_ms: Math.round(timings.sha * 100) / 100,
      argon2id_unlock_vs_sha256_1mib_ratio: Math.round((warm / timings.sha) * 10) / 10,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
