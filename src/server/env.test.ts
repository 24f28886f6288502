import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadServerSecret, parseSecret } from './env.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { generateVapidKeys, isLocalSubject, loadVapidKeys, vapidKeysProblem } from './push/vapid.ts';

describe('help resources and quick exit (issue 16)', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'innermost-help-'));

  it('defaults to no resources and the neutral quick-exit page', () => {
    expect(loadConfig({}).care).toEqual({ resources: null, quickExitUrl: 'https://www.bbc.com/weather' });
  });

  it('reads and checks the file named by HELP_RESOURCES_FILE, and takes an https QUICK_EXIT_URL', () => {
    const path = join(dir(), 'help.json');
    writeFileSync(path, JSON.stringify({ version: 1, regions: [{ id: 'de', name: 'Germany', emergency: '112', resources: [] }] }));
    const config = loadConfig({ HELP_RESOURCES_FILE: path, QUICK_EXIT_URL: 'https://news.example/' });
    expect(config.care.resources?.regions[0]?.id).toBe('de');
    expect(config.care.quickExitUrl).toBe('https://news.example/');
  });

  it('refuses to start with a bad file, a missing file or a plain-http exit, naming each', () => {
    const path = join(dir(), 'help.json');
    writeFileSync(path, JSON.stringify({ version: 1, regions: [{ id: 'de', name: 'Germany', emergency: '112', resources: [{ name: 'x' }] }] }));
    expect(() => loadConfig({ HELP_RESOURCES_FILE: path })).toThrow(/HELP_RESOURCES_FILE: .*help\.json is invalid:\n.*regions\.0\.resources\.0: needs a phone, a text or a web address/s);
    expect(() => loadConfig({ HELP_RESOURCES_FILE: join(dir(), 'missing.json') })).toThrow(/HELP_RESOURCES_FILE: cannot read .*missing\.json \(ENOENT\)/);
    expect(() => loadConfig({ QUICK_EXIT_URL: 'http://news.example/' })).toThrow(/QUICK_EXIT_URL: must be an https:\/\/ address/);
  });
});

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

  it('reads the secret from SERVER_SECRET_FILE, apart from the data folder, and never makes one there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innermost-env-'));
    try {
      const dataDir = join(dir, 'data');
      const file = join(dir, 'secrets', 'innermost');
      const config = loadConfig({ DATA_DIR: dataDir, SERVER_SECRET_FILE: file });
      expect(config.serverSecretFile).toBe(file);
      // Missing: a clear error, and nothing generated (not in the file's place, not in the data folder).
      expect(() => loadServerSecret(config)).toThrow(/SERVER_SECRET_FILE .* cannot be read/);
      expect(() => statSync(join(dataDir, 'server-secret'))).toThrow();
      mkdirSync(join(dir, 'secrets'));
      writeFileSync(file, 'not a secret\n');
      expect(() => loadServerSecret(config)).toThrow(/does not hold a valid server secret/);
      writeFileSync(file, `${'cd'.repeat(32)}\n`);
      expect(loadServerSecret(config)).toEqual({ secret: Buffer.from('cd'.repeat(32), 'hex'), source: 'env' });
      expect(() => statSync(join(dataDir, 'server-secret'))).toThrow();
      expect(() => loadConfig({ SERVER_SECRET: 'ab'.repeat(32), SERVER_SECRET_FILE: file })).toThrow(/set one or neither/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads sign-up mode, metrics token and limits: generous defaults, 0 turns one off, bad values named', () => {
    const defaults = loadConfig({});
    // Unset: open for a trial on this computer, by invitation on a public address.
    expect(defaults.signup).toBe('open');
    expect(loadConfig({ PUBLIC_ORIGIN: 'http://localhost:3000' }).signup).toBe('open');
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://innermost.example' }).signup).toBe('invite');
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://innermost.example', SIGNUP: 'open' }).signup).toBe('open');
    expect(defaults.metricsToken).toBeUndefined();
    expect(defaults.limits).toEqual(DEFAULT_LIMITS);
    const set = loadConfig({
      SIGNUP: 'Closed',
      METRICS_TOKEN: 'a-long-metrics-token',
      QUOTA_PERSON_STORAGE_MB: '10',
      QUOTA_SPACE_STORAGE_MB: '0',
      QUOTA_SPACES_PER_PERSON: '3',
      QUOTA_OPEN_INVITES_PER_PERSON: '4',
      WRITE_RATE_PER_MINUTE: '60',
      WRITE_BURST: '5',
      MAX_STREAMS_PER_SESSION: '2',
    });
    expect(set).toMatchObject({
      signup: 'closed',
      metricsToken: 'a-long-metrics-token',
      limits: { personStorageBytes: 10 * 1024 * 1024, spaceStorageBytes: 0, spacesPerPerson: 3, openInvitesPerPerson: 4, writesPerMinute: 60, writeBurst: 5, streamsPerSession: 2 },
    });
    for (const [name, value] of [
      ['SIGNUP', 'sometimes'],
      ['METRICS_TOKEN', 'short'],
      ['METRICS_TOKEN', 'has spaces in the token'],
      ['QUOTA_PERSON_STORAGE_MB', '-1'],
      ['WRITE_RATE_PER_MINUTE', '1.5'],
      ['MAX_STREAMS_PER_SESSION', 'many'],
    ] as const) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(new RegExp(name));
    }
  });

  it('reads push settings: on by default, keys both or neither and a matching P-256 pair, subject mailto: or https:', () => {
    expect(loadConfig({}).push).toEqual({ enabled: true, vapidKeys: undefined, subject: 'mailto:push@localhost', allowInsecureEndpoints: false });
    expect(loadConfig({ PUSH: 'OFF', PUBLIC_ORIGIN: 'https://im.example' }).push).toMatchObject({ enabled: false, subject: 'https://im.example' });
    expect(loadConfig({ VAPID_SUBJECT: 'mailto:ops@im.example' }).push.subject).toBe('mailto:ops@im.example');
    const keys = generateVapidKeys();
    expect(loadConfig({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey }).push.vapidKeys).toEqual(keys);
    const other = generateVapidKeys();
    for (const env of [
      { VAPID_PUBLIC_KEY: keys.publicKey },
      { VAPID_PUBLIC_KEY: other.publicKey, VAPID_PRIVATE_KEY: keys.privateKey },
      { VAPID_PUBLIC_KEY: `${keys.publicKey}=`, VAPID_PRIVATE_KEY: keys.privateKey },
      { VAPID_PUBLIC_KEY: keys.publicKey.slice(4), VAPID_PRIVATE_KEY: keys.privateKey },
    ]) {
      expect(() => loadConfig(env)).toThrow(/VAPID_PUBLIC_KEY/);
      try {
        loadConfig(env);
      } catch (error) {
        expect((error as Error).message).not.toContain(keys.privateKey);
      }
    }
    for (const env of [{ PUSH: 'maybe' }, { VAPID_SUBJECT: 'http://im.example' }, { VAPID_SUBJECT: 'ops@im.example' }]) expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(isLocalSubject('mailto:push@localhost')).toBe(true);
    expect(isLocalSubject('https://localhost:8443')).toBe(true);
    expect(isLocalSubject('https://im.example')).toBe(false);
  });

  it('generates the VAPID key pair once (mode 0600), reuses it, and never replaces a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innermost-env-'));
    try {
      const first = loadVapidKeys({ dataDir: dir, vapidKeys: undefined });
      expect(first.source).toBe('generated');
      expect(vapidKeysProblem(first.keys)).toBeNull();
      expect(statSync(join(dir, 'vapid-keys.json')).mode & 0o777).toBe(0o600);
      expect(loadVapidKeys({ dataDir: dir, vapidKeys: undefined })).toEqual({ keys: first.keys, source: 'file' });
      writeFileSync(join(dir, 'vapid-keys.json'), '{"publicKey":"x"}');
      expect(() => loadVapidKeys({ dataDir: dir, vapidKeys: undefined })).toThrow(/restore it from a backup/);
      expect(readFileSync(join(dir, 'vapid-keys.json'), 'utf8')).toBe('{"publicKey":"x"}');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
