/**
 * The tap audit: on a screen, every visible link and button must be the element a finger lands
 * on at its own centre (document.elementFromPoint), so a tap opens what it says. Role clicks and
 * the keyboard never see an overlay that swallows taps (a card link's `::after` spread over the
 * wrong card, a sticky bar over a button); this does. Checked at the page's own width (a phone)
 * and at 1280 px.
 */
import type { Page } from 'playwright-core';

export const TAP_AUDIT_WIDTHS = [390, 1280] as const;

/** Each miss: what was meant to be tapped, and what a tap at its centre hits instead. */
export async function tapMisses(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const describe = (el: Element): string => {
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${label}"`;
    };
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    // With a modal open, only what is in it can be tapped (the rest is inert on purpose).
    const modal = [...document.querySelectorAll('dialog[open]')].find((d) => d.matches(':modal'));
    const root: ParentNode = modal ?? document;
    const targets = [...root.querySelectorAll('a[href], button, summary, [role="button"], [role="link"]')].filter((el) => {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || (el as HTMLElement).inert || el.closest('[inert]')) return false;
      if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return false;
      const rect = el.getBoundingClientRect();
      // Visually hidden (the skip link until focused, screen-reader-only text): nothing to tap.
      return rect.width > 2 && rect.height > 2 && style.clipPath === 'none' && style.clip === 'auto';
    });
    /** What a tap at the element's centre hits now: 'ok', 'off-screen', or what covers it. */
    const probe = (el: Element): 'ok' | 'off-screen' | Element | null => {
      // A link that wraps over two lines: the centre of its first line (the box's centre can fall
      // between the lines).
      const rect = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return 'off-screen'; // by design
      const hit = document.elementFromPoint(x, y);
      return hit && (hit === el || el.contains(hit)) ? 'ok' : hit;
    };
    const misses: string[] = [];
    for (const el of targets) {
      if (!el.isConnected) continue; // the screen moved on meanwhile
      // A screen still settling (a line deleted above, a card arriving) can move the element
      // between the scroll and the look: an overlay stays put, so look again, a few frames on.
      let seen: ReturnType<typeof probe> = null;
      for (let attempt = 0; attempt < 3; attempt++) {
        el.scrollIntoView({ block: 'center', inline: 'center' });
        await frame();
        await frame();
        seen = probe(el);
        if (seen === 'ok' || seen === 'off-screen') break;
      }
      if (seen !== 'ok' && seen !== 'off-screen') misses.push(`${describe(el)} is covered by ${seen ? describe(seen) : 'nothing'}`);
    }
    window.scrollTo(0, 0);
    return misses;
  });
}

/** The audit at a phone's width and at 1280 px; the page's own size is restored after. */
export async function tapAudit(page: Page): Promise<string[]> {
  const original = page.viewportSize();
  const found: string[] = [];
  try {
    for (const width of TAP_AUDIT_WIDTHS) {
      if (original && width !== original.width) await page.setViewportSize({ width, height: width > 600 ? 900 : original.height });
      for (const miss of await tapMisses(page)) found.push(`${width} px: ${miss}`);
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  return found;
}
