/**
 * `npm run bench`: measures every figure in one run on this machine, prints them, and writes
 * them to bench/out/latest.json. Ratios compare against a baseline measured in the same run
 * (their keys contain "ratio" or "vs_lean"). Nothing here asserts: budgets are read by people.
 * HTTP load comes from a separate process (autocannon, bench/loadgen.ts; ADR 033). PostgreSQL
 * figures appear when BENCH_DATABASE_URL is set (a fresh schema in it, dropped after).
 *
 * `node bench/run.ts lighthouse browser` runs only the sections named (after `npm run build`) and
 * writes bench/out/latest-<names>.json instead, so a partial run never replaces the full one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchBrowser } from './browser.ts';
import { benchCheckins } from './checkins.ts';
import { benchHttp } from './http.ts';
import { benchLighthouse } from './lighthouse.ts';
import { benchLiveNotice } from './live-notice.ts';
import { benchPush } from './push.ts';
import { benchRealtime } from './realtime.ts';
import { benchPsi } from './psi.ts';
import { benchPsiBrowser } from './psi-browser.ts';
import { benchRoundVerify } from './round-verify.ts';
import { benchRounds } from './rounds.ts';

const OUT_DIR = resolve(import.meta.dirname, 'out');

const BUDGETS: Record<string, string> = {
  // ADR 033: against a bare Hono point select and a lean node:http route running our statements.
  write_ratio: '>= 0.25 of bare (architecture budget: 0.5)',
  pull_ratio: '>= 0.25 of bare (architecture budget: 0.5)',
  write_vs_lean: '>= 0.8',
  pull_vs_lean: '>= 0.8',
  write_p99_ms: '< 10 ms',
  pull_p99_ms: '< 10 ms',
  pg_write16_rps: '>= 4000',
  pg_write16_p99_ms: '< 15 ms',
  pg_write_rps: '>= 2000',
  pg_sync_100k_s: '< 1.5 s (stale statistics)',
  realtime_one_server_p99_ms: '< 20 ms (architecture budget: 100 ms)',
  realtime_two_servers_p99_ms: '< 20 ms (architecture budget: 100 ms)',
  first_screen_js_gzip_kb: '<= 30 KB',
  first_screen_returning_js_gzip_kb: '<= 70 KB',
  today_layout_shift: '0',
  argon2id_unlock_warm_ms: '<= 1000 ms',
  push_ping_push_p99_ms: '< 100 ms',
  push_reveal_push_p99_ms: '< 100 ms',
  checkins_decrypt_aggregate_ms: '< 200 ms',
  psi_phone_side_120_ms: '<= 1000 ms',
  checkins_chart_render_ms: '< 100 ms',
  lighthouse_welcome_performance: '100',
  lighthouse_welcome_accessibility: '100',
  lighthouse_welcome_best_practices: '100',
  lighthouse_today_performance: '100',
  lighthouse_today_accessibility: '100',
  lighthouse_today_best_practices: '100',
};

async function main(): Promise<void> {
  const figures: Record<string, number | string> = {};
  const sections: [string, () => Promise<Record<string, number | string>>][] = [
    ['http', benchHttp],
    ['realtime', benchRealtime],
    ['live-notice', benchLiveNotice],
    ['push', benchPush],
    ['rounds', benchRounds],
    ['round-verify', benchRoundVerify],
    ['psi', benchPsi],
    ['psi-browser', benchPsiBrowser],
    ['browser', benchBrowser],
    ['checkins', benchCheckins],
    ['lighthouse', benchLighthouse],
  ];
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !sections.some(([known]) => known === name));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${sections.map(([n]) => n).join(', ')}`);
  for (const [name, run] of sections) {
    if (only.length && !only.includes(name)) continue;
    process.stdout.write(`\n== ${name}\n`);
    const result = await run();
    for (const [key, value] of Object.entries(result)) {
      figures[key] = value;
      const budget = BUDGETS[key] ? `   (target ${BUDGETS[key]})` : '';
      process.stdout.write(`${key.padEnd(44)} ${String(value).padStart(12)}${budget}\n`);
    }
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, only.length ? `latest-${only.join('-')}.json` : 'latest.json');
  writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), figures }, null, 2)}\n`);
  process.stdout.write(`\nwrote ${file}\n`);
}

await main();
