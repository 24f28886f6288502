/**
 * The shift audit: a link or button that moves while nobody touched anything (late content
 * pushed it down) moves from under a finger on its way to it, and the tap lands on nothing or on
 * its neighbour. The browser's own Layout Instability API sees only what is inside the viewport,
 * and a control below the fold that moves just before the person scrolls to it misses the same
 * way; so `watchShifts` notes where every control sits on the page (scrolling changes nothing)
 * every few frames and keeps those that moved with no tap, click or key in the half second
 * before (what the person's own action moves is theirs) and no change of the window's size.
 * A journey asserts `controlShifts(page)` is empty where a screen must hold still (the invitation).
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Moves smaller than this (sub-pixel rounding) cannot take a control from a finger. */
const MIN_MOVE_PX = 4;

declare global {
  interface Window {
    __controlShifts?: string[];
    /** How many times the watcher has looked (every 50 ms). */
    __shiftLooks?: number;
  }
}

/** Before any of the app's scripts, on every page of this person's context. */
export async function watchShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript((minMove: number) => {
    const CONTROL = 'a[href], button, summary, input, select, textarea, [role="button"], [role="link"]';
    const shifts: string[] = (window.__controlShifts = []);
    let lastInput = -Infinity;
    for (const type of ['pointerdown', 'keydown', 'click', 'input']) addEventListener(type, () => (lastInput = performance.now()), true);
    const describe = (el: Element): string => {
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).name ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      return `<${el.tagName.toLowerCase()}> "${label}"`;
    };
    let seen = new WeakMap<Element, { x: number; y: number }>();
    let frame = '';
    window.__shiftLooks = 0;
    const look = () => {
      window.__shiftLooks = (window.__shiftLooks ?? 0) + 1;
      const now = performance.now();
      // A scroll moves what is fixed to the window (the bottom bar) on the page: compare only
      // looks taken at the same scroll position and window size.
      const here = `${innerWidth}x${innerHeight}@${scrollX},${scrollY}`;
      const quiet = now - lastInput > 500 && here === frame;
      frame = here;
      const next = new WeakMap<Element, { x: number; y: number }>();
      for (const el of document.querySelectorAll(CONTROL)) {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue; // not laid out (hidden)
        const at = { x: Math.round(rect.left + scrollX), y: Math.round(rect.top + scrollY) };
        next.set(el, at);
        const before = seen.get(el);
        if (quiet && before && (Math.abs(at.x - before.x) >= minMove || Math.abs(at.y - before.y) >= minMove)) {
          shifts.push(`${describe(el)} moved ${at.x - before.x},${at.y - before.y} px on ${location.pathname}`);
        }
      }
      seen = next;
    };
    setInterval(look, 50);
  }, MIN_MOVE_PX);
}

/** Resolves once the watcher has looked `looks` more times: whatever moved before is then seen. */
export async function watcherLooked(page: Page, looks = 2): Promise<void> {
  const now = await page.evaluate(() => window.__shiftLooks ?? 0);
  await page.waitForFunction((target) => (window.__shiftLooks ?? 0) >= target, now + looks);
}

/** The controls that moved on their own on this page since the last call (then forgotten). */
export async function controlShifts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window.__controlShifts ?? []).splice(0));
}
