/**
 * Lighthouse (pinned 12.2.3, ADR 017) against the built app, in Debian's Chromium, with its default
 * mobile form factor and simulated throttling: the signed-out welcome screen, then Today for a
 * returning person whose device stays unlocked (the same `/`, after signing up in that browser
 * profile with "keep me unlocked on this device", so the session cookie and the wrapped user key
 * in IndexedDB survive; Lighthouse runs with `disableStorageReset` for it). Figures are the
 * category scores, 0-100; for each score under 100 the audits that cost points are printed with
 * what they point at. A small gatherer reads the audited page's path and level-1 heading, and the
 * section throws if Lighthouse did not audit the screen it meant to.
 *
 * Lighthouse runs in this process; the server (its own process) and Chromium are children.
 * Reports (HTML, JSON) and the page's trace are written to bench/out/lighthouse-*.
 * Nothing here asserts a score.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse, { Audit, Gatherer } from 'lighthouse';
import type * as LH from 'lighthouse/types/lh.js';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/support/app-server.ts';
import { CHROMIUM_PATH } from '../tests/e2e/support/browser.ts';
import { HomePage, RecoveryCodePage, SignUpPage, text, WelcomePage } from '../tests/e2e/pages/index.ts';

const OUT_DIR = resolve(import.meta.dirname, 'out');
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const SCREEN_ARTIFACT = 'InnermostScreen';
const SCREEN_AUDIT = 'innermost-screen';

interface Screen {
  path: string;
  h1: string | null;
  title: string;
}

/** Reads, once the page has loaded as Lighthouse saw it, which screen is showing (as JSON). */
class ScreenGatherer extends Gatherer {
  override meta: LH.Gatherer.GathererMeta = { supportedModes: ['navigation'] };
  override async getArtifact(context: LH.Gatherer.Context): Promise<string> {
    const screen: Screen = await context.driver.executionContext.evaluate(
      () => ({ path: location.pathname, h1: document.querySelector('h1')?.textContent?.trim() ?? null, title: document.title }),
      { args: [] },
    );
    return JSON.stringify(screen);
  }
}

/** Carries the gatherer's artifact into the result (an artifact no audit needs is not gathered). */
class ScreenAudit extends Audit {
  static override get meta(): LH.Audit.Meta {
    return {
      id: SCREEN_AUDIT,
      title: 'The screen that was audited',
      description: "The audited page's path, level-1 heading and document title.",
      requiredArtifacts: [SCREEN_ARTIFACT as keyof LH.Artifacts],
      scoreDisplayMode: 'informative',
    };
  }
  static override audit(artifacts: LH.Artifacts): LH.Audit.Product {
    const screen = (artifacts as unknown as Record<string, string | undefined>)[SCREEN_ARTIFACT];
    return { score: null, displayValue: screen ?? 'null' };
  }
}

function config(): LH.Config {
  return {
    extends: 'lighthouse:default',
    settings: { onlyCategories: [...CATEGORIES], onlyAudits: [SCREEN_AUDIT] },
    artifacts: [{ id: SCREEN_ARTIFACT, gatherer: { instance: new ScreenGatherer() } }],
    audits: [{ implementation: ScreenAudit }],
  };
}

interface Chromium {
  port: number;
  stop(): Promise<void>;
}

/** Debian's Chromium (or CHROME_PATH), headless, with its own profile and a DevTools port. */
async function launchChromium(): Promise<Chromium> {
  const executable = process.env.CHROME_PATH || CHROMIUM_PATH;
  const profile = mkdtempSync(join(tmpdir(), 'innermost-lighthouse-'));
  const child: ChildProcess = spawn(
    executable,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      });
    }
    rmSync(profile, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`chromium (${executable}) exited early:\n${stderr}`);
    try {
      const port = Number(readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
      if (port > 0) return { port, stop };
    } catch {
      // not written yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`chromium (${executable}) opened no DevTools port:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Driver = Awaited<ReturnType<typeof chromium.connectOverCDP>>;

async function rendererCount(driver: Driver): Promise<number> {
  const cdp = await driver.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string }[] };
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').length;
}

/** Resolves once no more renderers run than `count` (a closed tab's renderer exits a moment later). */
async function rendererGone(driver: Driver, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await rendererCount(driver)) > count) {
    if (Date.now() > deadline) throw new Error('the renderer of the sign-up tab did not exit');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Where a metric's points went: the diagnostics that name the elements or scripts behind it
 * (informative audits, never listed by score alone).
 */
const BEHIND_METRIC: Record<string, string[]> = {
  'first-contentful-paint': ['render-blocking-resources'],
  'largest-contentful-paint': ['largest-contentful-paint-element', 'render-blocking-resources'],
  'speed-index': ['render-blocking-resources'],
  'total-blocking-time': ['long-tasks', 'bootup-time'],
  'cumulative-layout-shift': ['layout-shifts'],
};

type AuditResult = LH.Result['audits'][string];

function short(value: unknown): string {
  if (typeof value === 'number') return String(Math.round(value));
  if (typeof value === 'string') return value;
  const node = value as { type?: string; snippet?: string; selector?: string; nodeLabel?: string; url?: string; value?: unknown } | null;
  if (node?.type === 'node') return `${node.snippet ?? ''} (${node.selector ?? node.nodeLabel ?? ''})`;
  if (node?.type === 'url' || node?.type === 'source-location') return node.url ?? '';
  if (node && 'value' in node) return short(node.value);
  return '';
}

/** The first rows of an audit's table, one short line each: the element or resource, and the numbers. */
function detailLines(audit: AuditResult, max = 5): string[] {
  const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
  const items = details?.items ?? [];
  const lines = items.slice(0, max).map((item) =>
    Object.entries(item)
      .filter(([key]) => key !== 'subItems' && key !== 'debugData')
      .map(([key, value]) => [key, short(value)] as const)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => `${key}: ${value}`)
      .join(', ')
      .replace(/\s+/g, ' ')
      .slice(0, 300),
  );
  if (items.length > max) lines.push(`... and ${items.length - max} more`);
  return lines;
}

function printAudit(a: AuditResult, label: string): void {
  const value = a.displayValue ? ` (${a.displayValue})` : '';
  process.stdout.write(`    - ${a.id} [${label}]: ${a.title}${value}\n`);
  for (const line of detailLines(a)) process.stdout.write(`        ${line}\n`);
}

const RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS) || 3);

class LighthouseError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

/** Errors Lighthouse itself says to answer by running again (its trace missed the page load). */
const RUN_AGAIN = new Set(['NO_NAVSTART', 'NO_FCP', 'NO_TRACING_STARTED']);

/** One Lighthouse run on `url` in the Chromium at `port`; throws unless it audited the expected screen. */
async function runOnce(name: string, url: string, port: number, expected: { path: string; h1: string }, keepStorage: boolean): Promise<LH.RunnerResult> {
  const flags: LH.Flags = { port, hostname: '127.0.0.1', logLevel: 'error', output: ['html', 'json'], disableStorageReset: keepStorage };
  const result = await lighthouse(url, flags, config());
  if (!result) throw new Error(`lighthouse ${name}: no result`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new LighthouseError(`lighthouse ${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`, lhr.runtimeError.code);
  const shown = lhr.audits[SCREEN_AUDIT]?.displayValue;
  const screen = shown ? (JSON.parse(shown) as Screen) : null;
  if (!screen || screen.path !== expected.path || screen.h1 !== expected.h1) {
    writeReports(name, result);
    throw new Error(`lighthouse ${name}: audited the wrong screen: expected ${JSON.stringify(expected)}, got ${JSON.stringify(screen)} at ${lhr.finalDisplayedUrl} (see bench/out/lighthouse-${name}.html)`);
  }
  return result;
}

function writeReports(name: string, result: LH.RunnerResult): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const [html, json] = result.report as string[];
  writeFileSync(join(OUT_DIR, `lighthouse-${name}.html`), html!);
  writeFileSync(join(OUT_DIR, `lighthouse-${name}.json`), json!);
  // The page's trace, to open in DevTools' Performance panel when a figure needs explaining.
  writeFileSync(join(OUT_DIR, `lighthouse-${name}.trace.json`), JSON.stringify(result.artifacts.Trace));
}

/**
 * RUNS runs of one screen (BENCH_LIGHTHOUSE_RUNS, default 3: performance varies from run to run);
 * the figures are those of the run with the median performance score, and what costs points is
 * printed from that run. Returns the scores, 0-100.
 */
async function audit(
  name: string,
  url: string,
  port: number,
  expected: { path: string; h1: string },
  keepStorage: boolean,
  beforeEach?: () => Promise<void>,
): Promise<Record<string, number>> {
  const results: LH.RunnerResult[] = [];
  for (let i = 0, retries = 0; i < RUNS; i++) {
    try {
      await beforeEach?.();
      results.push(await runOnce(name, url, port, expected, keepStorage));
    } catch (error) {
      if (!(error instanceof LighthouseError && RUN_AGAIN.has(error.code)) || ++retries > 2) throw error;
      process.stdout.write(`  ${name}: ${error.code}, running again\n`);
      i--;
    }
  }
  const performance = (r: LH.RunnerResult): number => r.lhr.categories.performance?.score ?? 0;
  const median = [...results].sort((x, y) => performance(x) - performance(y))[Math.floor((results.length - 1) / 2)]!;
  writeReports(name, median);
  const { lhr } = median;
  const shown = lhr.audits[SCREEN_AUDIT]?.displayValue ?? '';
  const chrome = lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chrome';
  process.stdout.write(`lighthouse ${name}: ${lhr.finalDisplayedUrl} showed ${shown} (Lighthouse ${lhr.lighthouseVersion}, ${chrome}, ${lhr.configSettings.formFactor})\n`);
  process.stdout.write(`  ${name} performance per run: ${results.map((r) => Math.round(performance(r) * 100)).join(', ')}; figures from the median run\n`);

  const figures: Record<string, number> = {};
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category || category.score === null) throw new Error(`lighthouse ${name}: no ${id} score`);
    const score = Math.round(category.score * 100);
    figures[`lighthouse_${name}_${id.replace('-', '_')}`] = score;
    if (score === 100) continue;
    process.stdout.write(`  ${name} ${id} ${score}: audits below full marks\n`);
    for (const ref of category.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 1) continue;
      if (a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'manual') continue;
      printAudit(a, `score ${Math.round(a.score * 100)}, weight ${ref.weight}`);
      if (ref.weight === 0) continue;
      for (const behind of BEHIND_METRIC[a.id] ?? []) {
        const b = lhr.audits[behind];
        if (b && b.scoreDisplayMode !== 'error' && b.scoreDisplayMode !== 'notApplicable') printAudit(b, `behind ${a.id}`);
      }
    }
  }
  // Audits that could not run are left out of the scores: say so, rather than let them pass silently.
  const errored = Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error');
  if (errored.length) {
    process.stdout.write(`  ${name}: ${errored.length} audit(s) could not run (not scored):\n`);
    for (const a of errored) process.stdout.write(`    - ${a.id}: ${a.errorMessage ?? 'error'}\n`);
  }
  return figures;
}

export async function benchLighthouse(): Promise<Record<string, number>> {
  // BENCH_STATIC_DIR: audit a copy of the build (so a rebuild meanwhile cannot change what is measured).
  const server = await startServer(process.env.BENCH_STATIC_DIR ? { env: { STATIC_DIR: process.env.BENCH_STATIC_DIR } } : {});
  let browser: Chromium | undefined;
  try {
    browser = await launchChromium();
    const url = `${server.url}/`;
    // Signed out: a fresh profile, and Lighthouse resets the origin's storage first, as it does by default.
    const welcome = await audit('welcome', url, browser.port, { path: '/', h1: text('welcome.title') }, false);

    // A returning person: sign up through the real UI in this browser profile, keeping the device
    // unlocked, then let go of the browser so that Lighthouse alone drives it.
    const driver = await chromium.connectOverCDP(`http://127.0.0.1:${browser.port}`);
    const context = driver.contexts()[0];
    if (!context) throw new Error('chromium has no default context');
    const renderersBefore = await rendererCount(driver);
    const page = await context.newPage();
    // The steps of the e2e sign-up journey (its welcome.goto() needs a baseURL, which this default
    // context has not): create an account with "keep me unlocked on this device" ticked, confirm
    // the recovery code, reach Today; then a reload must still show Today, not the lock screen.
    await page.goto(url);
    await new WelcomePage(page).createAccount();
    const code = await new SignUpPage(page).signUp(`lighthouse.${Date.now()}@example.test`, 'quiet harbour bench lantern', { remember: true });
    await new RecoveryCodePage(page).confirm(code);
    const home = new HomePage(page);
    await home.waitFor();
    await page.reload();
    await home.waitFor();
    // A person coming back later finds the service worker stopped. Stop it, and let the tab's
    // renderer exit: navigating to the site would otherwise reuse the renderer the worker runs
    // in, and Lighthouse's profiler start-up there (it deoptimises and walks that renderer's
    // whole heap) showed as a 0.5 s "unattributable" task on Today.
    const session = await context.newCDPSession(page);
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await session.detach();
    await page.close();
    await rendererGone(driver, renderersBefore);
    await driver.close();

    // The same before every run after the first: Lighthouse's own visit started the worker again,
    // and a phone stops an idle one within a minute.
    let first = true;
    const workerStopped = async () => {
      if (first) {
        first = false;
        return;
      }
      const again = await chromium.connectOverCDP(`http://127.0.0.1:${browser!.port}`);
      try {
        const blank = await again.contexts()[0]!.newPage();
        const cdp = await again.contexts()[0]!.newCDPSession(blank);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await cdp.detach();
        await blank.close();
        await rendererGone(again, renderersBefore);
      } finally {
        await again.close();
      }
    };
    const today = await audit('today', url, browser.port, { path: '/', h1: text('home.title') }, true, workerStopped);
    return { ...welcome, ...today };
  } finally {
    await browser?.stop();
    await server.stop();
  }
}
