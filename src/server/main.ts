/**
 * Boot: config (fail fast) -> database (migrate) -> notifier -> push (VAPID keys, sender loop) -> app -> listen. SIGTERM/SIGINT
 * shut down gracefully (stop accepting, end live streams, close notifier and database, exit 0);
 * a second signal exits at once.
 */
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
// Importing the content validates every content file against its schema: a broken file stops
// the server at boot with a message naming it, instead of failing in someone's browser later.
import '../../content/catalog.ts';
import '../../content/help.ts';
import { createRequestListener } from './app.ts';
import { openDatabase } from './db/open.ts';
import { ConfigError, loadConfig, loadServerSecret } from './env.ts';
import { Lifecycle } from './lifecycle.ts';
import { createLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { InProcessNotifier, type Notifier } from './realtime/notifier.ts';
import { PostgresNotifier } from './realtime/postgres-notifier.ts';
import { type Push, createPush } from './push/index.ts';
import { isLocalSubject, loadVapidKeys } from './push/vapid.ts';
import { firstBootLink, signupUrl } from './signup-links.ts';

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
  // The first account of a non-open instance: a one-time link, printed on this boot only.
  const firstLink = config.signup === 'open' ? null : await firstBootLink(database, { now: Date.now() });
  const notifier: Notifier = config.databaseUrl
    ? new PostgresNotifier({ databaseUrl: config.databaseUrl, logger })
    : new InProcessNotifier();
  let push: Push | undefined;
  if (config.push.enabled) {
    const vapid = loadVapidKeys({ dataDir: config.dataDir, vapidKeys: config.push.vapidKeys });
    if (vapid.source === 'generated') logger.info('generated a new VAPID key pair for Web Push in the data directory');
    if (config.databaseUrl && vapid.source !== 'env') {
      logger.warn('DATABASE_URL is set but VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY are not: every app server on this database must share one VAPID key pair');
    }
    if (isLocalSubject(config.push.subject)) {
      logger.warn('the VAPID subject points at localhost, which Apple\'s push service refuses: set VAPID_SUBJECT (mailto: or https:) or an https PUBLIC_ORIGIN');
    }
    push = createPush({ database, logger, keys: vapid.keys, subject: config.push.subject, allowInsecureEndpoints: config.push.allowInsecureEndpoints });
  }
  const lifecycle = new Lifecycle();
  // The app with the records lane in front (ADR 034); the listen address is also the Host assumed
  // for a request without one, as @hono/node-server's serve() does.
  const listener = createRequestListener(
    { config, database, secret, notifier, logger, lifecycle, metrics: createMetrics({ defaultMetrics: true }), push },
    { hostname: config.host },
  );
  push?.sender.start();

  const server = createServer(listener);
  server.listen(config.port, config.host, () => {
    const info = server.address() as AddressInfo;
    const url = config.publicOrigin ?? `http://localhost:${info.port}`;
    logger.info({ port: info.port, database: database.dialect }, 'listening');
    console.log(`Innermost is running at ${url}`);
    if (firstLink) {
      console.log(
        `Sign-up here is ${config.signup === 'closed' ? 'closed' : 'by invitation'}. Make the first account with this one-time link (it works once, for 7 days; it is not shown again, and \`npm run signup-link\` makes more):\n  ${signupUrl(url, firstLink.token)}`,
      );
    }
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
    // Lets a send in flight finish (and its outbox row settle) before the database closes.
    await push?.sender.stop().catch(() => {});
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
