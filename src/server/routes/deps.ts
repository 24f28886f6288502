import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppConfig, AppEnv } from '../context.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import type { sessionMiddleware } from '../http/session.ts';
import type { KnownDevices, Lockout } from '../http/lockout.ts';
import type { WriteRate } from '../http/write-rate.ts';
import type { StreamRegistry } from '../realtime/streams.ts';
import type { Lifecycle } from '../lifecycle.ts';
import type { Metrics } from '../metrics.ts';
import type { Notifier } from '../realtime/notifier.ts';
import type { AuthService } from '../services/auth.service.ts';
import type { ComfortService } from '../services/comfort.service.ts';
import type { InvitesService } from '../services/invites.service.ts';
import type { PushService } from '../services/push.service.ts';
import type { RecordsService } from '../services/records.service.ts';
import type { RoundsService } from '../services/rounds.service.ts';
import type { SpacesService } from '../services/spaces.service.ts';

export interface RouteDeps {
  config: AppConfig;
  auth: AuthService;
  spaces: SpacesService;
  invites: InvitesService;
  records: RecordsService;
  rounds: RoundsService;
  push: PushService;
  comfort: ComfortService;
  rateLimiter: RateLimiter;
  lockout: Lockout;
  devices: KnownDevices;
  /** Per-person write rate (quotas, ADR 030). */
  writeRate: WriteRate;
  /** Live-event streams per session (the oldest closes past the cap). */
  streams: StreamRegistry;
  requireSession: MiddlewareHandler<AppEnv>;
  /** requireSession that also reads the caller's membership of :spaceId (c.var.membership). */
  requireSessionInSpace: MiddlewareHandler<AppEnv>;
  /** requireSessionInSpace's reading, for the records lane (routes/records.lane.ts). */
  sessionInSpace: ReturnType<typeof sessionMiddleware>['sessionInSpace'];
  /** The request's valid session, or null (for routes that answer the signed-out too). */
  currentSession: (c: Context) => Promise<{ userId: string; sessionId: string; expiresAt: number } | null>;
  notifier: Notifier;
  lifecycle: Lifecycle;
  metrics: Metrics;
  logger: Logger;
  now: () => number;
}
