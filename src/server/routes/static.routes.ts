/**
 * The web app, from the same origin as the API (one CSP, no CORS). Vite's hashed assets are
 * immutable for a year; index.html, sw.js and the manifest must be revalidated so a deploy is
 * picked up. Any other GET without a file extension (outside /api and the ops routes) is a client
 * route of the single-page app and gets index.html.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const RESERVED = /^\/(api|healthz|readyz|metrics)(\/|$)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export function hasWebBuild(staticDir: string | undefined): staticDir is string {
  return !!staticDir && existsSync(join(staticDir, 'index.html'));
}

export function staticRoutes(staticDir: string) {
  const indexHtml = readFileSync(join(staticDir, 'index.html'));
  const serve = serveStatic({ root: staticDir, precompressed: true });
  return new Hono()
    .use('*', async (c, next) => {
      if (RESERVED.test(c.req.path)) return next();
      const found = await serve(c, next);
      // serveStatic answers with the file, or calls next() (and returns nothing) when there is none.
      if (found instanceof Response) {
        found.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
        return found;
      }
    })
    .get('*', (c) => {
      const path = c.req.path;
      const last = path.split('/').pop() ?? '';
      if (RESERVED.test(path) || /\.[A-Za-z0-9]+$/.test(last)) return c.notFound();
      return c.body(indexHtml, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': REVALIDATE });
    });
}
