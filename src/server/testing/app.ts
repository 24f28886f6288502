/** An app on a test database, as tests build it: no port, in-process or PostgreSQL notifier. */
import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { createApp } from '../app.ts';
import type { AppConfig } from '../context.ts';
import { Lifecycle } from '../lifecycle.ts';
import { createMetrics, type Metrics } from '../metrics.ts';
import { InProcessNotifier, type Notifier } from '../realtime/notifier.ts';
import type { TestDatabase } from './databases.ts';

export interface TestAppOptions {
  config?: Partial<AppConfig>;
  secret?: Buffer;
  notifier?: Notifier;
  logger?: Logger;
  now?: () => number;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  notifier: Notifier;
  lifecycle: Lifecycle;
  metrics: Metrics;
  secret: Buffer;
}

export function createTestApp(db: TestDatabase, options: TestAppOptions = {}): TestApp {
  const secret = options.secret ?? randomBytes(32);
  const notifier = options.notifier ?? new InProcessNotifier();
  const lifecycle = new Lifecycle();
  const metrics = createMetrics();
  const app = createApp({
    // Tests give each user their own X-Forwarded-For address, so rate limits apply per user.
    config: { trustProxy: true, staticDir: undefined, ...options.config },
    database: db.database,
    secret,
    notifier,
    logger: options.logger ?? pino({ level: 'silent' }),
    lifecycle,
    metrics,
    now: options.now,
  });
  return { app, notifier, lifecycle, metrics, secret };
}
