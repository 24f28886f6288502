/**
 * Installable and offline: the manifest has what browsers require to install, the service worker
 * takes control, and with the network gone a reload still opens the app and shows the spaces
 * from this device's encrypted cache.
 */
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HomePage, NewSpacePage, SignUpPage, SpacePage, text } from './pages/index.ts';
import { startServer, type RunningServer } from './support/app-server.ts';
import { launchBrowser, newPerson, type Person } from './support/browser.ts';

let server: RunningServer;
let browser: Browser;
let person: Person;

describe('installable app that works offline', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    person = await newPerson(browser, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the signed-out welcome screen makes no failed request and logs no error, and its scripts arrive compressed', async () => {
    const failed: string[] = [];
    const encodings: Promise<string>[] = [];
    const onResponse = (res: Response) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${new URL(res.url()).pathname}`);
      if (res.request().resourceType() !== 'script' || !new URL(res.url()).pathname.startsWith('/assets/')) return;
      // Files under 1 KiB are not worth compressing, and the build leaves them plain.
      encodings.push(res.body().then((body) => (body.length < 1024 ? 'small' : (res.headers()['content-encoding'] ?? 'none'))));
    };
    person.page.on('response', onResponse);
    await person.page.goto('/', { waitUntil: 'networkidle' });
    await person.page.getByRole('heading', { level: 1 }).first().waitFor();
    // Only this screen's responses: a later test's reload would leave bodies nobody can read.
    person.page.off('response', onResponse);
    expect(failed).toEqual([]);
    expect(person.problems).toEqual([]);
    const seen = await Promise.all(encodings);
    expect(seen.filter((e) => e === 'br').length).toBeGreaterThan(0);
    expect(seen.filter((e) => e !== 'br' && e !== 'small')).toEqual([]);
  });

  it('links a manifest with a name, a standalone display and 192 and 512 px icons that load', async () => {
    await person.page.goto('/');
    const href = await person.page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = (await (await fetch(new URL(href!, server.url))).json()) as {
      name: string;
      display: string;
      start_url: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Innermost', display: 'standalone', start_url: '/' });
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size && i.type === 'image/png');
      expect(icon, size).toBeTruthy();
      const res = await fetch(new URL(icon!.src, server.url));
      expect(res.status).toBe(200);
      const png = new Uint8Array(await res.arrayBuffer());
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
      const width = new DataView(png.buffer).getUint32(16);
      expect(`${width}x${width}`).toBe(size);
    }
  });

  it('a service worker takes control of the page', async () => {
    const scope = await person.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.url}/`);
  });

  it('offline, a reload still opens the app and shows what this device knows', async () => {
    const signUp = new SignUpPage(person.page);
    await signUp.goto();
    await signUp.signUpAndConfirm(`offline.${Date.now()}@example.test`, 'slow river under the bridge', { remember: true });
    await new HomePage(person.page).createSpace();
    await new NewSpacePage(person.page).create({ name: 'Our corner', displayName: 'Robin' });
    await new SpacePage(person.page).waitForMember('Robin');
    // The service worker must control the page before we cut the network.
    await person.page.reload();
    await person.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await person.context.setOffline(true);
    await person.page.goto('/');
    const home = new HomePage(person.page);
    await home.waitFor();
    await expect.poll(() => home.sharedSpaceNames()).toContain('Our corner');
    await expect.poll(() => home.syncStatus()).not.toBe(text('sync.upToDate'));
    await person.context.setOffline(false);
  });
});
