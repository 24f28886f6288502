/**
 * VAPID (RFC 8292): the key pair that identifies this server to browsers' push services. A
 * browser's subscription is bound to the public key it was made with, so a new key silently
 * breaks every subscription: keys come from the environment (several app servers share them) or
 * from `${DATA_DIR}/vapid-keys.json`, made once on first boot (0600, O_EXCL like server-secret)
 * and never replaced. A file that exists but does not hold a valid pair stops the server.
 */
import { createECDH } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface VapidKeys {
  /** Uncompressed P-256 point (65 bytes), base64url: the browser's applicationServerKey. */
  publicKey: string;
  /** The 32-byte private scalar, base64url. */
  privateKey: string;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Why a key pair is unusable, or null: both base64url, a P-256 pair, the public key matching the private one. */
export function vapidKeysProblem(keys: VapidKeys): string | null {
  if (!B64URL.test(keys.publicKey) || !B64URL.test(keys.privateKey)) return 'must be base64url (no padding)';
  const publicKey = Buffer.from(keys.publicKey, 'base64url');
  const privateKey = Buffer.from(keys.privateKey, 'base64url');
  if (publicKey.length !== 65 || publicKey[0] !== 0x04) return 'the public key must be an uncompressed P-256 point (65 bytes)';
  if (privateKey.length !== 32) return 'the private key must be 32 bytes';
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(privateKey);
    if (!ecdh.getPublicKey().equals(publicKey)) return 'the public key does not belong to the private key';
  } catch {
    return 'the private key is not a valid P-256 key';
  }
  return null;
}

export function generateVapidKeys(): VapidKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  // getPrivateKey drops leading zero bytes; VAPID wants exactly 32.
  const privateKey = Buffer.alloc(32);
  const raw = ecdh.getPrivateKey();
  raw.copy(privateKey, 32 - raw.length);
  return { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: privateKey.toString('base64url') };
}

const KEYS_FILE = 'vapid-keys.json';

/**
 * The configured pair, else the one in the data directory (made on first boot). `source` tells
 * main.ts what to log (never the keys).
 */
export function loadVapidKeys(config: { dataDir: string; vapidKeys: VapidKeys | undefined }): { keys: VapidKeys; source: 'env' | 'file' | 'generated' } {
  if (config.vapidKeys) return { keys: config.vapidKeys, source: 'env' };
  const path = join(config.dataDir, KEYS_FILE);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  let source: 'file' | 'generated' = 'file';
  if (!existsSync(path)) {
    try {
      writeFileSync(path, `${JSON.stringify(generateVapidKeys())}\n`, { flag: 'wx', mode: 0o600 });
      source = 'generated';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  let keys: VapidKeys;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<VapidKeys>;
    keys = { publicKey: String(parsed.publicKey ?? ''), privateKey: String(parsed.privateKey ?? '') };
  } catch {
    throw new Error(`${path} is not valid JSON; restore it from a backup (a new key pair would end every push subscription)`);
  }
  const problem = vapidKeysProblem(keys);
  if (problem) throw new Error(`${path}: ${problem}; restore it from a backup (a new key pair would end every push subscription)`);
  if ((statSync(path).mode & 0o077) !== 0 && process.platform !== 'win32') process.emitWarning(`${path} is readable by other users; chmod 600 it`);
  return { keys, source };
}

/**
 * The VAPID `sub` claim when VAPID_SUBJECT is not set: the public origin when it is https (push
 * services may use it to reach the operator), else a mailto: on localhost, which works with
 * Chrome's and Firefox's services but not Apple's (main.ts warns).
 */
export function vapidSubject(publicOrigin: string | undefined): string {
  if (publicOrigin?.startsWith('https://')) return publicOrigin;
  return 'mailto:push@localhost';
}

/** True when the subject points at this machine (Apple's push service refuses such a JWT). */
export function isLocalSubject(subject: string): boolean {
  let host: string;
  try {
    const url = new URL(subject);
    host = url.protocol === 'mailto:' ? (url.pathname.split('@')[1] ?? '') : url.hostname;
  } catch {
    return true;
  }
  host = host.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host.startsWith('127.');
}
