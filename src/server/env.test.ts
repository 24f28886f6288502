import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadServerSecret, parseSecret } from './env.ts';

describe('config', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: undefined,
      serverSecret: undefined,
      publicOrigin: undefined,
      trustProxy: false,
      logLevel: 'info',
    });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.staticDir).toMatch(/\/dist\/web$/);
  });

  it('parses and normalises values', () => {
    const secret = 'ab'.repeat(32);
    const config = loadConfig({
      PORT: '3000',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://u@h:5432/db',
      SERVER_SECRET: secret,
      PUBLIC_ORIGIN: 'https://Innermost.Example/',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      STATIC_DIR: '/srv/web',
      DATA_DIR: '',
    });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://u@h:5432/db',
      publicOrigin: 'https://innermost.example',
      trustProxy: true,
      logLevel: 'warn',
      staticDir: '/srv/web',
    });
    expect(config.serverSecret).toEqual(Buffer.from(secret, 'hex'));
  });

  it('fails fast naming every bad variable, never echoing a secret', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', SERVER_SECRET: 'short-secret-value', PUBLIC_ORIGIN: 'https://x.example/path', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'maybe', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'SERVER_SECRET', 'PUBLIC_ORIGIN', 'DATABASE_URL', 'TRUST_PROXY', 'LOG_LEVEL']) expect(message).toContain(name);
    expect(message).not.toContain('short-secret-value');
  });

  it('accepts secrets of 32+ bytes as hex or base64url', () => {
    expect(parseSecret('00'.repeat(32))?.length).toBe(32);
    expect(parseSecret(Buffer.alloc(32, 7).toString('base64url'))?.length).toBe(32);
    expect(parseSecret(Buffer.alloc(48, 7).toString('base64'))?.length).toBe(48);
    expect(parseSecret('00'.repeat(31))).toBeNull();
    expect(parseSecret('too short')).toBeNull();
  });

  it('generates the server secret once (mode 0600) and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innermost-env-'));
    try {
      const dataDir = join(dir, 'data');
      const first = loadServerSecret({ dataDir, serverSecret: undefined });
      expect(first.source).toBe('generated');
      expect(first.secret.length).toBe(32);
      expect(statSync(join(dataDir, 'server-secret')).mode & 0o777).toBe(0o600);
      const second = loadServerSecret({ dataDir, serverSecret: undefined });
      expect(second.source).toBe('file');
      expect(second.secret).toEqual(first.secret);
      expect(readFileSync(join(dataDir, 'server-secret'), 'utf8').trim()).toBe(first.secret.toString('hex'));
      const fromEnv = loadServerSecret({ dataDir, serverSecret: Buffer.alloc(32, 1) });
      expect(fromEnv).toEqual({ secret: Buffer.alloc(32, 1), source: 'env' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
