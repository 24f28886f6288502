/**
 * The e2e audits themselves, in Chromium on a page of our own: each must find what it is for
 * (a check that cannot fail is no check), and pass what is fine.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson } from './support/browser.ts';
import { controlShifts, watcherLooked } from './support/shift-audit.ts';
import { tapMisses } from './support/tap-audit.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PAGE = `<!doctype html><html><body style="margin:0">
  <header style="position:sticky;top:0;height:60px;background:#eee"><a href="#h">Home</a></header>
  <main><p id="late"></p><button id="go" style="height:50px">Go</button>
  <div style="position:relative"><a href="#a" id="covered">Covered</a>
  <div style="position:absolute;inset:0;background:rgba(0,0,0,.1)"></div></div>
  <a href="#b">Fine</a><div style="height:1500px"></div></main></body></html>`;

describe('the e2e audits', () => {
  it('the tap audit names a link an overlay covers, and only that one', async () => {
    const person = await newPerson(browser, 'http://127.0.0.1', { width: 390, height: 640 });
    await person.page.setContent(PAGE);
    expect(await tapMisses(person.page)).toEqual(['<a#covered> "Covered" is covered by <div> ""']);
    await person.context.close();
  });

  it('the shift watcher notes a button that late content pushes down, and not one a tap moved', async () => {
    const person = await newPerson(browser, 'http://127.0.0.1', { width: 390, height: 640 }, { watchShifts: true });
    await person.page.route('http://127.0.0.1/', (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
    await person.page.goto('http://127.0.0.1/');
    // The watcher knows where the button sits before anything changes.
    await watcherLooked(person.page);
    // Late content with nobody touching anything.
    await person.page.evaluate(() => (document.getElementById('late')!.textContent = 'Two members so far.'));
    await expect.poll(() => person.page.evaluate(() => window.__controlShifts?.length ?? 0)).toBeGreaterThan(0);
    const shifts = await controlShifts(person.page);
    expect(shifts.some((s) => s.startsWith('<button> "Go" moved 0,'))).toBe(true);
    // Content a tap brings is the person's own doing.
    await person.page.evaluate(() => document.getElementById('go')!.addEventListener('click', () => (document.getElementById('late')!.innerHTML += '<br>More.')));
    await person.page.click('#go');
    await watcherLooked(person.page);
    expect(await controlShifts(person.page)).toEqual([]);
    await person.context.close();
  });
});
