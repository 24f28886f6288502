/** An app on a test database, as tests build it: no port, in-process or PostgreSQL notifier. */
import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { createApp } from '../app.ts';
import type { AppConfig } from '../context.ts';
import { Lifecycle } from '../lifecycle.ts';
import { createMetrics, type Metrics } from '../metrics.ts';
import { InProcessNotifier, type Notifier } from '../realtime/notifier.ts';
import { type Push, createPush } from '../push/index.ts';
import type { PushTransport } from '../push/sender.ts';
import { type VapidKeys, generateVapidKeys } from '../push/vapid.ts';
import type { TestDatabase } from './databases.ts';

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  secret?: Buffer;
  notifier?: Notifier;
  logger?: Logger;
  now?: () => number;
  /** Web Push: on by default (fresh VAPID keys, sender not started); false for PUSH=off. */
  push?: false | { keys?: VapidKeys; transport?: PushTransport; allowInsecureEndpoints?: boolean; subject?: string };
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  notifier: Notifier;
  lifecycle: Lifecycle;
  metrics: Metrics;
  secret: Buffer;
  push: Push | undefined;
}

export function createTestApp(db: TestDatabase, options: TestAppOptions = {}): TestApp {
  const secret = options.secret ?? randomBytes(32);
  const notifier = options.notifier ?? new InProcessNotifier();
  const lifecycle = new Lifecycle();
  const metrics = createMetrics();
  const logger = options.logger ?? pino({ level: 'silent' });
  const push =
    options.push === false
      ? undefined
      : createPush({
          database: db.database,
          logger,
          now: options.now,
          keys: options.push?.keys ?? generateVapidKeys(),
          subject: options.push?.subject ?? 'mailto:tests@innermost.example',
          allowInsecureEndpoints: options.push?.allowInsecureEndpoints ?? true,
          transport: options.push?.transport,
        });
  const app = createApp({
    // Tests give each user their own X-Forwarded-For address, so rate limits apply per user.
    // Sign-up is open in tests unless a test says otherwise (the environment's default is 'invite').
    config: { trustProxy: true, staticDir: undefined, signup: 'open', ...options.config },
    database: db.database,
    secret,
    notifier,
    logger,
    lifecycle,
    metrics,
    now: options.now,
    push,
  });
  addressTo(app, options.config?.publicOrigin);
  return { app, notifier, lifecycle, metrics, secret, push };
}

/**
 * With PUBLIC_ORIGIN set the app answers only its host (http/host-check.ts): app.request then
 * sends a path alone to the public origin, as a browser on it would.
 */
export function addressTo(app: ReturnType<typeof createApp>, publicOrigin: string | undefined): void {
  if (!publicOrigin) return;
  const request = app.request;
  app.request = ((input: string | URL | Request, ...rest: unknown[]) =>
    (request as (...args: unknown[]) => Response | Promise<Response>)(typeof input === 'string' && input.startsWith('/') ? `${publicOrigin}${input}` : input, ...rest)) as typeof app.request;
}
