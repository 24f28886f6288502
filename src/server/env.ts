/**
 * Configuration from the environment, validated once at boot with zod; a bad value stops the
 * server with a message that names the variable (fail fast, never half-configured).
 *
 * SERVER_SECRET keys the login and recovery verifiers and the fake salts. SERVER_SECRET_FILE
 * names a file holding it instead (a mounted secret, kept apart from the database backups). When
 * neither is set, a random one is generated on first boot into `${DATA_DIR}/server-secret` (mode
 * 0600) and reused.
 * Several app servers on one PostgreSQL MUST share the same SERVER_SECRET (set it in the
 * environment of each), or accounts made on one server cannot sign in on another. Losing it locks
 * every account out of password sign-in (data stays encrypted and intact; recovery also needs it).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type VapidKeys, vapidKeysProblem, vapidSubject } from './push/vapid.ts';
import { type CareSettings, HttpsUrl, parseHelpResources } from '../shared/help-resources.ts';
import { DEFAULT_QUICK_EXIT_URL } from '../shared/https-url.ts';
import { DEFAULT_LIMITS, type Limits, type SignupMode } from './limits.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanString = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', ''].includes(v), 'must be true or false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** At least 32 bytes, as hex (64+ hex digits) or base64url/base64 (43+ characters). */
export function parseSecret(text: string): Buffer | null {
  const value = text.trim();
  // Hex digits only: read as hex (never as base64url, which would also match).
  if (/^[0-9a-fA-F]+$/.test(value)) return value.length % 2 === 0 && value.length >= 64 ? Buffer.from(value, 'hex') : null;
  if (/^[A-Za-z0-9_\-+/]+={0,2}$/.test(value)) {
    // Node's base64 decoder reads both alphabets (standard and URL-safe).
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length >= 32) return bytes;
  }
  return null;
}

/** A whole number >= 0 (0 turns the limit off), with a default. */
const count = (fallback: number) => z.coerce.number().int('must be a whole number').min(0).max(Number.MAX_SAFE_INTEGER).default(fallback);
const MIB = 1024 * 1024;

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SERVER_SECRET: z
    .string()
    .refine((v) => parseSecret(v) !== null, 'must be at least 32 bytes as hex (64+ digits) or base64url (43+ characters)')
    .optional(),
  SERVER_SECRET_FILE: z.string().trim().min(1).optional(),
  // Unset: by invitation on a real address (PUBLIC_ORIGIN), open for a trial on this computer.
  SIGNUP: z.string().trim().toLowerCase().pipe(z.enum(['open', 'invite', 'closed'])).optional(),
  METRICS_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').optional(),
  QUOTA_PERSON_STORAGE_MB: count(DEFAULT_LIMITS.personStorageBytes / MIB),
  QUOTA_SPACE_STORAGE_MB: count(DEFAULT_LIMITS.spaceStorageBytes / MIB),
  QUOTA_SPACES_PER_PERSON: count(DEFAULT_LIMITS.spacesPerPerson),
  QUOTA_OPEN_INVITES_PER_PERSON: count(DEFAULT_LIMITS.openInvitesPerPerson),
  WRITE_RATE_PER_MINUTE: count(DEFAULT_LIMITS.writesPerMinute),
  WRITE_BURST: count(DEFAULT_LIMITS.writeBurst),
  MAX_STREAMS_PER_SESSION: count(DEFAULT_LIMITS.streamsPerSession),
  PUBLIC_ORIGIN: z
    .string()
    .trim()
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'https:' || url.protocol === 'http:') && (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash;
      } catch {
        return false;
      }
    }, 'must be an origin such as https://innermost.example (scheme, host and optional port only)')
    .transform((v) => new URL(v).origin)
    .optional(),
  TRUST_PROXY: booleanString.default(false),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  STATIC_DIR: z.string().trim().min(1).default('dist/web'),
  PUSH: z.string().trim().toLowerCase().pipe(z.enum(['on', 'off'])).default('on'),
  VAPID_PUBLIC_KEY: z.string().trim().optional(),
  VAPID_PRIVATE_KEY: z.string().trim().optional(),
  VAPID_SUBJECT: z
    .string()
    .trim()
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'mailto:' && /^[^\s@]+@[^\s@]+$/.test(url.pathname)) || (url.protocol === 'https:' && url.hostname !== '');
      } catch {
        return false;
      }
    }, 'must be a mailto: address or an https: URL')
    .optional(),
  /** The operator's crisis and abuse resources (docs/operations.md; ADR 028), checked at boot. */
  HELP_RESOURCES_FILE: z.string().trim().optional(),
  /** Where quick exit goes (an ordinary page: weather, news). */
  QUICK_EXIT_URL: z
    .string()
    .trim()
    .refine((v) => HttpsUrl.safeParse(v).success, 'must be an https:// address')
    .optional(),
  /** Tests only: accept http://127.0.0.1 and http://localhost push endpoints (a local push service). */
  PUSH_ALLOW_INSECURE_ENDPOINTS: booleanString.default(false),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Raw SERVER_SECRET when given; otherwise resolved from the data directory by loadServerSecret. */
  serverSecret: Buffer | undefined;
  /** SERVER_SECRET_FILE: the secret is read from this file (never generated there). */
  serverSecretFile: string | undefined;
  /** Who may create an account (ADR 030). */
  signup: SignupMode;
  /** /metrics answers only with `Authorization: Bearer <token>`; unset: /metrics is off (404). */
  metricsToken: string | undefined;
  limits: Limits;
  publicOrigin: string | undefined;
  trustProxy: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  staticDir: string;
  push: {
    enabled: boolean;
    /** Both keys from the environment (validated), or undefined: from DATA_DIR (loadVapidKeys). */
    vapidKeys: VapidKeys | undefined;
    /** VAPID_SUBJECT, else derived from PUBLIC_ORIGIN (vapidSubject). */
    subject: string;
    allowInsecureEndpoints: boolean;
  };
  /** What the help centre and quick exit need from the operator (served at /api/care). */
  care: CareSettings;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws ConfigError naming every bad variable (never its value). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Treat empty strings as unset, as shells and compose files often export VAR= by accident.
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  if (e.SERVER_SECRET !== undefined && e.SERVER_SECRET_FILE !== undefined) {
    throw new ConfigError('Invalid configuration:\n  SERVER_SECRET, SERVER_SECRET_FILE: set one or neither');
  }
  let vapidKeys: VapidKeys | undefined;
  if (e.VAPID_PUBLIC_KEY !== undefined || e.VAPID_PRIVATE_KEY !== undefined) {
    if (e.VAPID_PUBLIC_KEY === undefined || e.VAPID_PRIVATE_KEY === undefined) {
      throw new ConfigError('Invalid configuration:\n  VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither');
    }
    const problem = vapidKeysProblem({ publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY });
    if (problem) throw new ConfigError(`Invalid configuration:\n  VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: ${problem}`);
    vapidKeys = { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY };
  }
  return {
    care: { resources: loadHelpResources(e.HELP_RESOURCES_FILE), quickExitUrl: e.QUICK_EXIT_URL ?? DEFAULT_QUICK_EXIT_URL },
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    serverSecret: e.SERVER_SECRET ? (parseSecret(e.SERVER_SECRET) ?? undefined) : undefined,
    serverSecretFile: e.SERVER_SECRET_FILE ? resolve(e.SERVER_SECRET_FILE) : undefined,
    signup: e.SIGNUP ?? defaultSignup(e.PUBLIC_ORIGIN),
    metricsToken: e.METRICS_TOKEN,
    limits: {
      personStorageBytes: e.QUOTA_PERSON_STORAGE_MB * MIB,
      spaceStorageBytes: e.QUOTA_SPACE_STORAGE_MB * MIB,
      spacesPerPerson: e.QUOTA_SPACES_PER_PERSON,
      openInvitesPerPerson: e.QUOTA_OPEN_INVITES_PER_PERSON,
      writesPerMinute: e.WRITE_RATE_PER_MINUTE,
      writeBurst: e.WRITE_BURST,
      streamsPerSession: e.MAX_STREAMS_PER_SESSION,
    },
    publicOrigin: e.PUBLIC_ORIGIN,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    staticDir: resolve(e.STATIC_DIR),
    push: {
      enabled: e.PUSH === 'on',
      vapidKeys,
      subject: e.VAPID_SUBJECT ?? vapidSubject(e.PUBLIC_ORIGIN),
      allowInsecureEndpoints: e.PUSH_ALLOW_INSECURE_ENDPOINTS,
    },
  };
}

/** The operator's resources file, or null when none is set; a missing or bad file stops the boot. */
function loadHelpResources(path: string | undefined): CareSettings['resources'] {
  if (path === undefined) return null;
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  HELP_RESOURCES_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const parsed = parseHelpResources(text);
  if (!parsed.ok) throw new ConfigError(`Invalid configuration:\n  HELP_RESOURCES_FILE: ${path} is ${parsed.problem}`);
  return parsed.resources;
}

const SECRET_FILE = 'server-secret';

/**
 * The server secret: SERVER_SECRET when set; else the file SERVER_SECRET_FILE names (which must
 * exist: a secret that lives apart from the data is never invented); else the one in
 * `${dataDir}/server-secret`, created (32 random bytes, hex, mode 0600) on first boot. That file
 * is created with O_EXCL, so two servers booting at once on one data directory cannot end up with
 * different secrets.
 */
export function loadServerSecret(
  config: Pick<Config, 'serverSecret' | 'dataDir'> & { serverSecretFile?: string | undefined },
): { secret: Buffer; source: 'env' | 'file' | 'generated' } {
  if (config.serverSecret) return { secret: config.serverSecret, source: 'env' };
  if (config.serverSecretFile) {
    const path = config.serverSecretFile;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigError(`SERVER_SECRET_FILE ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const secret = parseSecret(text);
    if (!secret) throw new ConfigError(`SERVER_SECRET_FILE ${path} does not hold a valid server secret (32+ bytes, hex or base64url)`);
    return { secret, source: 'env' };
  }
  const path = join(config.dataDir, SECRET_FILE);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  let source: 'file' | 'generated' = 'file';
  if (!existsSync(path)) {
    try {
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
      source = 'generated';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const secret = parseSecret(readFileSync(path, 'utf8'));
  if (!secret) throw new ConfigError(`${path} does not hold a valid server secret (32+ bytes, hex or base64url)`);
  if ((statSync(path).mode & 0o077) !== 0 && process.platform !== 'win32') {
    // Readable by others: not fatal (an operator may have reasons) but worth a loud warning.
    process.emitWarning(`${path} is readable by other users; chmod 600 it`);
  }
  return { secret, source };
}

/**
 * Who may sign up when SIGNUP is not set: an instance with a public address (PUBLIC_ORIGIN other
 * than localhost) is by invitation, so nobody who finds it can fill it; `npm start` on one's own
 * computer is open, so trying Innermost needs no link from the log.
 */
function defaultSignup(publicOrigin: string | undefined): SignupMode {
  if (!publicOrigin) return 'open';
  const host = new URL(publicOrigin).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' ? 'open' : 'invite';
}
