import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { send } from '../../../tests/factories/index.ts';
import { createTestApp } from '../testing/app.ts';
import { describeEachDatabase } from '../testing/databases.ts';

describeEachDatabase('static files', (suite) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'innermost-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Innermost</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    // What the build writes beside each asset (vite-plugin-compression2).
    writeFileSync(join(dir, 'assets', 'app-def456.js'), 'console.log("app")'.repeat(100));
    writeFileSync(join(dir, 'assets', 'app-def456.js.br'), brotliCompressSync('console.log("app")'.repeat(100)));
    writeFileSync(join(dir, 'assets', 'app-def456.js.gz'), gzipSync('console.log("app")'.repeat(100)));
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dir, 'icon-192.png'), 'png');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves hashed assets immutable, index.html and sw.js revalidated', async () => {
    const { app } = createTestApp(suite.db, { config: { staticDir: dir } });
    const asset = await send(app, 'GET', '/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const res = await send(app, 'GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('sends the precompressed file the browser accepts, and the plain one otherwise', async () => {
    const { app } = createTestApp(suite.db, { config: { staticDir: dir } });
    const plain = 'console.log("app")'.repeat(100);
    const br = await send(app, 'GET', '/assets/app-def456.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    const gz = await send(app, 'GET', '/assets/app-def456.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);
    const none = await send(app, 'GET', '/assets/app-def456.js', { headers: { 'accept-encoding': 'identity' } });
    expect(none.headers.get('content-encoding')).toBeNull();
    expect(await none.text()).toBe(plain);
  });

  it('falls back to index.html for client routes only', async () => {
    const { app } = createTestApp(suite.db, { config: { staticDir: dir } });
    for (const path of ['/join', '/spaces/abc/plans', '/settings/']) {
      const res = await send(app, 'GET', path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>Innermost</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
    expect((await send(app, 'GET', '/assets/missing-123.js')).status).toBe(404);
    expect((await send(app, 'GET', '/favicon.ico')).status).toBe(404);
    expect((await send(app, 'POST', '/join')).status).toBe(404);
    const api = await send(app, 'GET', '/api/unknown');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not-found' } });
    expect((await send(app, 'GET', '/healthz')).status).toBe(200);
    // /metrics is the ops route (off without METRICS_TOKEN), never the web app's fallback page.
    const metrics = await send(app, 'GET', '/metrics');
    expect(metrics.status).toBe(404);
    expect(metrics.headers.get('content-type')).not.toMatch(/text\/html/);
  });

  it('serves only the API when the directory has no index.html', async () => {
    const { app } = createTestApp(suite.db, { config: { staticDir: join(dir, 'assets') } });
    expect((await send(app, 'GET', '/')).status).toBe(404);
    expect((await send(app, 'GET', '/join')).status).toBe(404);
    expect((await send(app, 'GET', '/healthz')).status).toBe(200);
  });
});
