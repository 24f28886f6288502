/**
 * Boot: config (fail fast) -> database (migrate) -> notifier -> app -> listen. SIGTERM/SIGINT
 * shut down gracefully (stop accepting, end live streams, close notifier and database, exit 0);
 * a second signal exits at once.
 */
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import pino from 'pino';
// Importing the content validates every content file against its schema: a broken file stops
// the server at boot with a message naming it, instead of failing in someone's browser later.
import '../../content/catalog.ts';
import { createApp } from './app.ts';
import { openDatabase } from './db/open.ts';
import { ConfigError, loadConfig, loadServerSecret } from './env.ts';
import { Lifecycle } from './lifecycle.ts';
import { createLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { InProcessNotifier, type Notifier } from './realtime/notifier.ts';
import { PostgresNotifier } from './realtime/postgres-notifier.ts';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Innermost needs Node 24 or newer; this is Node ${process.versions.node}. Run it through npm (npm run serve).`);
  process.exit(1);
}

/** Closing the HTTP server waits for in-flight requests at most this long. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Asynchronous writes: a request never waits for stdout (lines of one event-loop turn are
  // written together); flushed at shutdown.
  const destination = pino.destination({ dest: 1, sync: false });
  const logger = createLogger(config.logLevel, destination);
  const { secret, source } = loadServerSecret(config);
  if (source === 'generated') logger.info('generated a new server secret in the data directory');
  if (config.databaseUrl && source !== 'env') {
    logger.warn('DATABASE_URL is set but SERVER_SECRET is not: every app server on this database must share one SERVER_SECRET');
  }

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: join(config.dataDir, 'innermost.db'),
  });
  const notifier: Notifier = config.databaseUrl
    ? new PostgresNotifier({ databaseUrl: config.databaseUrl, logger })
    : new InProcessNotifier();
  const lifecycle = new Lifecycle();
  const app = createApp({
    config,
    database,
    secret,
    notifier,
    logger,
    lifecycle,
    metrics: createMetrics({ defaultMetrics: true }),
  });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = config.publicOrigin ?? `http://localhost:${info.port}`;
    logger.info({ port: info.port, database: database.dialect }, 'listening');
    console.log(`Innermost is running at ${url}`);
  });
  server.on('error', (error) => {
    logger.fatal({ err: { message: error.message } }, 'server error');
    process.exit(1);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    lifecycle.beginShutdown();
    const force = setTimeout(() => {
      logger.warn('shutdown grace period over; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive connections with no request in flight would hold close() open; streams that
      // just ended leave their connections idle a moment later, so sweep until closed.
      const sweep = () => {
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      };
      sweep();
      setInterval(sweep, 50).unref();
    });
    await notifier.close().catch(() => {});
    await database.close().catch(() => {});
    clearTimeout(force);
    logger.info('stopped');
    destination.flushSync();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`Innermost could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
