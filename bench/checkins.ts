/**
 * Check-ins in Chromium, with the app's real code (bench/pages/checkins-entry.ts, bundled here
 * by Vite into bench/out/checkins and served into a blank page through a routed origin: no
 * server, no CSP, nothing from the network):
 * - decrypt and aggregate: 2 people x 365 days of check-in records, encrypted as the sync engine
 *   stores them; timed: decryptRecord + decodeBody each, dailySeries for both over the year,
 *   computeInsights and the chart's text summary;
 * - render: mount ClosenessChart (365 days, 2 people, health lines on) into a 390 px wide
 *   element until uPlot's draw hook fires. The first mount, which also loads the lazy chart
 *   chunk, is reported on its own; the median is over warm mounts.
 * Medians over RUNS runs, and ratios against one SHA-256 of 1 MiB through WebCrypto in the same
 * page (as bench/browser.ts), so figures compare across machines. Also the gzip size of the lazy
 * chart chunk (uPlot + draw.ts).
 *
 * Env: BENCH_CHECKINS_RUNS (default 15).
 */
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import preact from '@preact/preset-vite';
import { build } from 'vite';
import { launchBrowser } from '../tests/e2e/support/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(import.meta.dirname, 'out', 'checkins');
const ENTRY = 'bench/pages/checkins-entry.ts';
const DRAW_MODULE = 'src/web/features/checkins/chart/draw.ts';
/**
 * The origin the browser context answers from OUT_DIR (page.route: nothing listens there). A
 * localhost origin is a secure context, which WebCrypto's digest for the baseline needs.
 */
const ORIGIN = 'http://localhost:9';
const RUNS = Number(process.env.BENCH_CHECKINS_RUNS) || 15;
const WARMUP = 3;

type Manifest = Record<string, { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[] }>;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Bundles the bench page with the app's Vite setup (Preact), without the PWA plugin. */
async function bundle(): Promise<Manifest> {
  await build({
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    plugins: [preact()],
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      target: 'es2022',
      manifest: true,
      rolldownOptions: { input: { 'checkins-entry': resolve(ROOT, ENTRY) } },
    },
  });
  return JSON.parse(readFileSync(join(OUT_DIR, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

export async function benchCheckins(): Promise<Record<string, number>> {
  const manifest = await bundle();
  const entry = manifest[ENTRY];
  const draw = manifest[DRAW_MODULE];
  if (!entry || !draw) throw new Error('checkins bench: entry or chart chunk missing from the manifest');
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    ...(entry.css ?? []).map((css) => `<link rel="stylesheet" href="/${css}">`),
    `<script type="module" src="/${entry.file}"></script>`,
    '</head><body></body></html>',
  ].join('');

  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: html });
      try {
        const file = resolve(OUT_DIR, `.${path}`);
        if (!file.startsWith(OUT_DIR)) throw new Error('outside');
        return await route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'benchCheckins' in window);

    const figures = await page.evaluate(
      async ({ runs, warmup }) => {
        const b = window.benchCheckins;
        const records = b.setup().records;
        const aggregate: number[] = [];
        for (let i = 0; i < warmup + runs; i++) {
          const t0 = performance.now();
          b.decryptAndAggregate();
          if (i >= warmup) aggregate.push(performance.now() - t0);
        }
        // The first mount also fetches and compiles the lazy chart chunk.
        const firstRender = await b.renderChart();
        const render: number[] = [];
        for (let i = 0; i < warmup + runs; i++) {
          const ms = await b.renderChart();
          if (i >= warmup) render.push(ms);
        }
        const baseline: number[] = [];
        for (let i = 0; i < 5; i++) baseline.push(await b.sha256Baseline());
        return { records, aggregate, firstRender, render, baseline };
      },
      { runs: RUNS, warmup: WARMUP },
    );
    if (problems.length > 0) throw new Error(`checkins bench page: ${problems.join('; ')}`);

    const sha = median(figures.baseline);
    const aggregate = median(figures.aggregate);
    const render = median(figures.render);
    const chunkBytes = gzipSync(readFileSync(join(OUT_DIR, draw.file)), { level: 9 }).length;
    return {
      checkins_records: figures.records,
      checkins_runs: RUNS,
      checkins_decrypt_aggregate_ms: round2(aggregate),
      checkins_decrypt_aggregate_vs_sha256_1mib_ratio: round2(aggregate / sha),
      checkins_chart_first_render_ms: round2(figures.firstRender),
      checkins_chart_render_ms: round2(render),
      checkins_chart_render_vs_sha256_1mib_ratio: round2(render / sha),
      checkins_sha256_1mib_baseline_ms: round2(sha),
      chart_chunk_js_gzip_kb: Math.round((chunkBytes / 1024) * 10) / 10,
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [key, value] of Object.entries(await benchCheckins())) process.stdout.write(`${key.padEnd(44)} ${String(value).padStart(12)}\n`);
}
