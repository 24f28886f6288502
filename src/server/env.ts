/**
 * Configuration from the environment, validated once at boot with zod; a bad value stops the
 * server with a message that names the variable (fail fast, never half-configured).
 *
 * SERVER_SECRET keys the login and recovery verifiers and the fake salts. When it is not set, a
 * random one is generated on first boot into `${DATA_DIR}/server-secret` (mode 0600) and reused.
 * Several app servers on one PostgreSQL MUST share the same SERVER_SECRET (set it in the
 * environment of each), or accounts made on one server cannot sign in on another. Losing it locks
 * every account out of password sign-in (data stays encrypted and intact; recovery also needs it).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

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
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Raw SERVER_SECRET when given; otherwise resolved from the data directory by loadServerSecret. */
  serverSecret: Buffer | undefined;
  publicOrigin: string | undefined;
  trustProxy: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  staticDir: string;
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
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    serverSecret: e.SERVER_SECRET ? (parseSecret(e.SERVER_SECRET) ?? undefined) : undefined,
    publicOrigin: e.PUBLIC_ORIGIN,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    staticDir: resolve(e.STATIC_DIR),
  };
}

const SECRET_FILE = 'server-secret';

/**
 * The server secret: SERVER_SECRET when set, else the one in `${dataDir}/server-secret`, created
 * (32 random bytes, hex, mode 0600) on first boot. The file is created with O_EXCL, so two servers
 * booting at once on one data directory cannot end up with different secrets.
 */
export function loadServerSecret(config: Pick<Config, 'serverSecret' | 'dataDir'>): { secret: Buffer; source: 'env' | 'file' | 'generated' } {
  if (config.serverSecret) return { secret: config.serverSecret, source: 'env' };
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
