import type { Logger } from 'pino';
import type { SpaceMembership } from './services/auth.service.ts';
import type { Notifier } from './realtime/notifier.ts';
import type { Metrics } from './metrics.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Database } from './db/open.ts';
import type { Push } from './push/index.ts';
import type { CareSettings } from '../shared/help-resources.ts';
import type { Limits, SignupMode } from './limits.ts';

/** Per-request values set by middleware. */
export interface AppVariables {
  /** Set by requireSession. */
  auth: { userId: string; sessionId: string; expiresAt: number };
  /** Set by requireSessionInSpace: the caller's membership of the route's space (null: none). */
  membership: SpaceMembership | null;
  /** The request body as read (and size-checked) by the body limit middleware. */
  rawBody: Uint8Array | undefined;
}

export interface AppEnv {
  Variables: AppVariables;
}

/** The part of the configuration the HTTP app uses. */
export interface AppConfig {
  /** e.g. https://innermost.example; CSRF origin check and secure cookies. */
  publicOrigin?: string | undefined;
  /** Honour X-Forwarded-Proto / X-Forwarded-For (only behind a proxy that sets them). */
  trustProxy?: boolean | undefined;
  /** Directory of the web build; the API is served even when it holds no index.html. */
  staticDir?: string | undefined;
  /** The operator's help resources and quick-exit address (none: defaults; see routes/care.routes.ts). */
  care?: CareSettings | undefined;
  /** SSE heartbeat period (default SSE_HEARTBEAT_MS). */
  sseHeartbeatMs?: number | undefined;
  /** Who may create an account (default 'open' here; the environment's default is 'invite'). */
  signup?: SignupMode | undefined;
  /** Bearer token for /metrics; unset: /metrics answers 404. */
  metricsToken?: string | undefined;
  /** Quotas and rates (default DEFAULT_LIMITS; any field may be given alone). */
  limits?: Partial<Limits> | undefined;
}

export interface AppDeps {
  config: AppConfig;
  database: Database;
  /** At least 32 bytes; keys the login/recovery verifiers, fake salts and rate-limit keys. */
  secret: Buffer;
  notifier: Notifier;
  logger: Logger;
  metrics?: Metrics | undefined;
  lifecycle?: Lifecycle | undefined;
  now?: (() => number) | undefined;
  /** Web Push (push/index.ts createPush); undefined when the instance runs with PUSH=off. */
  push?: Push | undefined;
}
