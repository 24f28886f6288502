/**
 * The HTTP app: createApp(deps) wires services (rules) over repositories (queries) and mounts one
 * chained sub-app per resource. Requests read top to bottom: middleware (observe, security
 * headers, CSRF, body limit) -> route (zod validation) -> service -> repo -> response; every
 * error is an AppError rendered once, in onError. main.ts serves createRequestListener: the same
 * app with the records lane in front (record writes and pulls, ADR 034).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './context.ts';
import { bodyLimit } from './http/body.ts';
import { csrfProtection } from './http/csrf.ts';
import { errorBody, renderError } from './http/errors.ts';
import { observe, requestRecorder } from './http/observe.ts';
import { createRateLimiter } from './http/rate-limit.ts';
import { hostCheck } from './http/host-check.ts';
import { createLockout, knownDevices } from './http/lockout.ts';
import { createWriteRate } from './http/write-rate.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { createStreamRegistry } from './realtime/streams.ts';
import { securityHeaders } from './http/security-headers.ts';
import { sessionMiddleware } from './http/session.ts';
import { Lifecycle } from './lifecycle.ts';
import { createMetrics } from './metrics.ts';
import { createStore } from './repos/store.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { careRoutes } from './routes/care.routes.ts';
import { comfortRoutes } from './routes/comfort.routes.ts';
import type { RouteDeps } from './routes/deps.ts';
import { eventsRoutes } from './routes/events.routes.ts';
import { invitesRoutes } from './routes/invites.routes.ts';
import { opsRoutes } from './routes/ops.routes.ts';
import { pushRoutes } from './routes/push.routes.ts';
import { recordsLane, withRecordsLane } from './routes/records.lane.ts';
import { recordsRoutes } from './routes/records.routes.ts';
import { roundsRoutes } from './routes/rounds.routes.ts';
import { spacesRoutes } from './routes/spaces.routes.ts';
import { hasWebBuild, staticRoutes } from './routes/static.routes.ts';
import { createAuthService } from './services/auth.service.ts';
import { createComfortService } from './services/comfort.service.ts';
import { createInvitesService } from './services/invites.service.ts';
import { createPushService } from './services/push.service.ts';
import { createRecordsService } from './services/records.service.ts';
import { createRoundsService } from './services/rounds.service.ts';
import { createSpacesService } from './services/spaces.service.ts';

/** The Hono app alone: what tests call through app.request and the browser's typed client reads. */
export function createApp(deps: AppDeps) {
  return assemble(deps).app;
}

/**
 * What main.ts serves: the records lane (ADR 034) in front of the app, as one node:http request
 * listener. The lane and the app share every service, limit and metric.
 */
export function createRequestListener(deps: AppDeps, options: { hostname?: string } = {}): (req: IncomingMessage, res: ServerResponse) => void {
  return createAppAndListener(deps, options).listener;
}

/** Both, sharing one set of services: for tests that call the app and also serve it. */
export function createAppAndListener(deps: AppDeps, options: { hostname?: string } = {}) {
  const { app, lane } = assemble(deps);
  const framework = getRequestListener(app.fetch, { hostname: options.hostname });
  return { app, lane, framework, listener: withRecordsLane(lane, framework) };
}

function assemble(deps: AppDeps) {
  const { config, database, secret, notifier, logger } = deps;
  if (secret.length < 32) throw new Error('createApp: the server secret must be at least 32 bytes');
  const now = deps.now ?? Date.now;
  const metrics = deps.metrics ?? createMetrics();
  const lifecycle = deps.lifecycle ?? new Lifecycle();
  const store = createStore(database);
  const serviceDeps = { store, notifier, logger, now, push: deps.push };

  const limits: Limits = { ...DEFAULT_LIMITS, ...config.limits };
  const auth = createAuthService({ ...serviceDeps, secret, signup: config.signup ?? 'open' });
  const rateLimiter = createRateLimiter({ store, secret, now });
  const routeDeps: RouteDeps = {
    config,
    auth,
    spaces: createSpacesService({ ...serviceDeps, limits }),
    invites: createInvitesService({ ...serviceDeps, limits }),
    records: createRecordsService({ ...serviceDeps, limits, onWrite: () => metrics.recordsWritten.inc() }),
    rounds: createRoundsService(serviceDeps),
    push: createPushService({ ...serviceDeps, rateLimiter }),
    rateLimiter,
    lockout: createLockout({ store, secret, now }),
    devices: knownDevices({ config, secret, now }),
    writeRate: createWriteRate({ limits, now }),
    streams: createStreamRegistry(limits.streamsPerSession),
    comfort: createComfortService(serviceDeps),
    ...sessionMiddleware({ config, auth, now }),
    notifier,
    lifecycle,
    metrics,
    logger,
    now,
  };

  const app = new Hono<AppEnv>();

  // Every rule here applies to every request: the records lane (routes/records.lane.ts, ADR 034)
  // runs the same functions itself, so a rule added here is added there too.
  const record = requestRecorder(logger, metrics);
  app.use('*', observe(record));
  app.use('*', securityHeaders(config));
  app.use('*', hostCheck(config));
  app.use('/api/*', csrfProtection(config));
  app.use('/api/*', bodyLimit());

  app.onError((error, c) => {
    const { status, body, headers } = renderError(error, logger, c.req.method);
    return c.json(body, status as 400, headers);
  });

  app.notFound((c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return c.json(errorBody('not-found'), 404);
    return c.text('Not found', 404);
  });

  const routes = app
    .route('/', opsRoutes({ ...routeDeps, database }))
    .route('/api/auth', authRoutes(routeDeps))
    .route('/api/spaces', spacesRoutes(routeDeps))
    .route('/api', invitesRoutes(routeDeps))
    .route('/api', recordsRoutes(routeDeps))
    .route('/api', roundsRoutes(routeDeps))
    .route('/api', pushRoutes(routeDeps))
    .route('/api', comfortRoutes(routeDeps))
    .route('/api', careRoutes(routeDeps))
    .route('/api', eventsRoutes(routeDeps));

  if (hasWebBuild(config.staticDir)) app.route('/', staticRoutes(config.staticDir));

  return { app: routes, lane: recordsLane({ ...routeDeps, record }) };
}

/** The typed route tree, for hono's `hc` client in the browser. */
export type AppType = ReturnType<typeof createApp>;
