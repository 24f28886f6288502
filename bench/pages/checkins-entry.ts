/**
 * The page bench/checkins.ts measures in Chromium: the app's own check-in code (records crypto,
 * record bodies, daily series, insights, the chart model and the ClosenessChart component),
 * bundled by Vite and loaded into a blank page. It only defines `window.benchCheckins`; the
 * timing loops run from bench/checkins.ts through page.evaluate.
 */
import { h, render } from 'preact';
import { randomBytes } from '../../src/crypto/bytes.ts';
import { decryptRecord, encryptRecord } from '../../src/crypto/records.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import type { Checkin } from '../../src/web/features/checkins/checkin.ts';
import { addDays, dailySeries, rangeFor } from '../../src/web/features/checkins/days.ts';
import { computeInsights } from '../../src/web/features/checkins/insights.ts';
import { describePerson, summarizePeople, type ChartPerson } from '../../src/web/features/checkins/chart/chart-model.ts';
import { ClosenessChart } from '../../src/web/features/checkins/chart/closeness-chart.tsx';
import { checkinKind } from '../../src/web/features/checkins/kinds.ts';
import { decodeRecord, encodeRecord, registerKinds } from '../../src/web/sync/kinds.ts';

registerKinds(checkinKind);

const TODAY = '2026-11-21';
const DAYS = 365;
/** A zone with a DST change inside the year, so bucketing does real zone arithmetic. */
const TZ = 'Europe/Berlin';

/** As the sync engine caches them (engine.ts CachedRecord): ciphertext bytes plus their context. */
interface CachedRecord {
  spaceId: string;
  id: string;
  authorId: string;
  epoch: number;
  ciphertext: Uint8Array;
}

interface Space {
  id: string;
  key: Uint8Array;
  epoch: number;
}

let records: CachedRecord[] = [];
let spaces = new Map<string, Space>();
let me = '';
let people: ChartPerson[] = [];

/** A small deterministic generator, so every run decrypts the same year. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const clamp = (n: number): number => Math.max(0, Math.min(10, Math.round(n)));

/** A year of daily check-ins for me (full, in my personal space) and a partner (closeness only, in our shared space). */
function setup(): { records: number } {
  const personal: Space = { id: uuidv7(), key: randomBytes(32), epoch: 1 };
  const shared: Space = { id: uuidv7(), key: randomBytes(32), epoch: 2 };
  spaces = new Map([personal, shared].map((s) => [s.id, s]));
  me = uuidv7();
  const partner = uuidv7();
  const random = generator(42);
  const { from } = rangeFor(DAYS, TODAY);
  records = [];
  for (let i = 0; i < DAYS; i++) {
    const day = addDays(from, i);
    // 18:00 UTC is the same calendar day in Berlin all year.
    const at = Date.parse(`${day}T18:00:00Z`);
    const wave = Math.sin(i / 20);
    const mine: Checkin = {
      v: 1,
      at,
      tz: TZ,
      emotional: clamp(6 + 2 * wave + random() * 2 - 1),
      physical: clamp(4 + 2 * Math.sin(i / 30) + random() * 2 - 1),
      energy: clamp(5 + random() * 4 - 2),
      pain: clamp(3 + random() * 4 - 2),
      stress: clamp(4 + random() * 4 - 2),
      ...(i % 5 === 0 && { note: 'A slow walk after dinner, and we talked about the summer.' }),
    };
    const theirs: Checkin = { v: 1, at: at + 600_000, tz: TZ, emotional: clamp(5 + 2 * wave + random() * 2 - 1), physical: clamp(5 + random() * 3 - 1.5) };
    for (const [space, authorId, checkin] of [
      [personal, me, mine],
      [shared, partner, theirs],
    ] as const) {
      const id = uuidv7(at);
      const body = encodeRecord(checkinKind, { checkin }, null);
      const ciphertext = encryptRecord({ spaceKey: space.key, spaceId: space.id, recordId: id, authorId, epoch: space.epoch, body });
      records.push({ spaceId: space.id, id, authorId, epoch: space.epoch, ciphertext });
    }
  }
  return { records: records.length };
}

/**
 * The timed part of "opening the two lines": decrypt and validate every record, bucket both
 * people's year by day in the viewer's zone, run the insights, and write the chart's summary.
 */
function decryptAndAggregate(): number {
  const mine: Checkin[] = [];
  const theirs: Checkin[] = [];
  for (const r of records) {
    const space = spaces.get(r.spaceId)!;
    const plain = decryptRecord({ spaceKey: space.key, spaceId: r.spaceId, recordId: r.id, authorId: r.authorId, epoch: r.epoch, ciphertext: r.ciphertext });
    const decoded = decodeRecord(plain);
    if (decoded?.def === checkinKind) (r.authorId === me ? mine : theirs).push((decoded.body as { checkin: Checkin }).checkin);
  }
  const { from, to } = rangeFor(DAYS, TODAY);
  const myPoints = dailySeries(mine, { tz: TZ, from, to });
  const theirPoints = dailySeries(theirs, { tz: TZ, from, to });
  const insights = computeInsights({ mine: myPoints, partner: theirPoints, today: TODAY });
  people = [
    { id: 'me', name: 'You', isMe: true, points: myPoints },
    { id: 'partner', name: 'Sam', isMe: false, points: theirPoints },
  ];
  const text = summarizePeople(people, true).map(describePerson);
  return insights.length + text.reduce((n, p) => n + p.lines.length, 0) + mine.length + theirs.length;
}

/**
 * Mounts the 365-day chart for both people (health lines on: the most series) into a 390 px
 * wide element and resolves with the milliseconds until uPlot has drawn the canvas (draw.ts sets
 * data-drawn from uPlot's draw hook). Unmounts afterwards.
 */
async function renderChart(): Promise<number> {
  if (people.length === 0) decryptAndAggregate();
  const host = document.createElement('div');
  host.style.width = '390px';
  document.body.append(host);
  const drawn = new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (host.querySelector('[data-drawn]')) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(host, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
  });
  const t0 = performance.now();
  render(h(ClosenessChart, { people, showHealth: true, range: DAYS }), host);
  await drawn;
  const ms = performance.now() - t0;
  render(null, host);
  host.remove();
  return ms;
}

/** The same-page baseline of bench/browser.ts: one SHA-256 of 1 MiB through WebCrypto (mean of 20). */
async function sha256Baseline(): Promise<number> {
  const data = new Uint8Array(1024 * 1024);
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) await crypto.subtle.digest('SHA-256', data);
  return (performance.now() - t0) / 20;
}

declare global {
  interface Window {
    benchCheckins: {
      setup: typeof setup;
      decryptAndAggregate: typeof decryptAndAggregate;
      renderChart: typeof renderChart;
      sha256Baseline: typeof sha256Baseline;
    };
  }
}

window.benchCheckins = { setup, decryptAndAggregate, renderChart, sha256Baseline };
