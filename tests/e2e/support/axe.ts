/**
 * Runs axe-core in the page. It is evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy does not apply to, so the CSP under test stays as strict as in production.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { tapAudit } from './tap-audit.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;0`);
  // Colour contrast measured mid fade-in would be wrong: let finite animations settle first.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.flatMap((n) => n.target) }));
  });
}

/**
 * Collects what is wrong across a journey: `check` after each screen runs axe and the tap audit
 * (support/tap-audit.ts: every link and button is what a finger hits at its centre, at a phone's
 * width and at 1280 px); then assert once that `found()` is empty (each entry names the screen,
 * the rule and where it failed).
 */
export function a11yJournal() {
  const found: string[] = [];
  return {
    async check(page: Page, screen: string): Promise<void> {
      for (const v of await axeViolations(page)) found.push(`${screen}: ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
      for (const miss of await tapAudit(page)) found.push(`${screen}: tap-target ${miss}`);
    },
    found: (): string[] => [...found],
  };
}
