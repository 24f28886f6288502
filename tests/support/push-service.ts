/**
 * A local stand-in for a browser vendor's push service (the one part of the world tests cannot
 * reach). It makes subscriptions as a browser would (a P-256 key pair and an auth secret per
 * device), checks every request as a push service does (RFC 8292 VAPID: ES256 JWT with `aud` =
 * its origin, `exp` within 24 h, `sub` present) and decrypts the body as the browser would
 * (RFC 8291 on RFC 8188 aes128gcm). Only node:crypto primitives are wired here (ECDH, HKDF,
 * AES-128-GCM, ECDSA verify), in the RFCs' order.
 *
 * Endpoints are http://127.0.0.1:<port>/push/<id>; the server accepts them only with
 * PUSH_ALLOW_INSECURE_ENDPOINTS (tests).
 */
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, randomUUID, verify } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PushServiceSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The device's private key (base64url), to decrypt what is sent to it. */
  privateKey: string;
}

export interface ReceivedPush {
  endpoint: string;
  /** The decrypted plaintext, parsed as JSON. */
  payload: Record<string, unknown>;
  /** The decrypted plaintext's length in bytes (before any JSON parsing). */
  plaintextBytes: number;
  /** The plaintext as text (padding included), for scanning. */
  plaintext: string;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  receivedAt: number;
}

export interface PushService {
  /** The origin, e.g. http://127.0.0.1:41234 (the VAPID `aud`). */
  url: string;
  subscription(): PushServiceSubscription;
  messages: ReceivedPush[];
  /** Requests refused (bad VAPID, undecryptable body), with why; a correct sender leaves it empty. */
  rejections: Array<{ endpoint: string; reason: string }>;
  /**
   * Answer `status` (e.g. 404, 410, 500) for this endpoint from now on, with a Retry-After header
   * when `retryAfter` is given (as a push service under load does); null restores 201.
   */
  respondWith(endpoint: string, status: number | null, retryAfter?: string): void;
  /** Resolves once `count` messages have arrived in total (rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  /** Called for each message as it arrives (the bench measures latency with it). */
  onMessage: ((message: ReceivedPush) => void) | undefined;
  close(): Promise<void>;
}

interface Device {
  ecdh: ReturnType<typeof createECDH>;
  publicKey: Buffer;
  auth: Buffer;
}

const b64u = (bytes: Buffer) => bytes.toString('base64url');

/** RFC 8292 section 2 and 3: the JWT's ES256 signature with the key in `k`, and its claims. */
function checkVapid(header: string | undefined, audience: string, now: number): string | null {
  const match = /^vapid t=([A-Za-z0-9_.-]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) return 'missing or malformed vapid authorization';
  const [, jwt, k] = match as unknown as [string, string, string];
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return 'k is not an uncompressed P-256 point';
  const parts = jwt.split('.');
  if (parts.length !== 3) return 'jwt is not three parts';
  const [h, p, s] = parts as [string, string, string];
  let head: { alg?: string; typ?: string };
  let claims: { aud?: string; exp?: number; sub?: string };
  try {
    head = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return 'jwt is not JSON';
  }
  if (head.alg !== 'ES256') return 'jwt alg is not ES256';
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33)) }, format: 'jwk' });
  // JWS ES256 signatures are r || s (64 bytes), IEEE P1363, not DER.
  const valid = verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'));
  if (!valid) return 'jwt signature does not verify';
  if (claims.aud !== audience) return 'jwt aud is not this push service';
  const seconds = Math.floor(now / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= seconds || claims.exp > seconds + 24 * 60 * 60) return 'jwt exp is not within 24 hours';
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) return 'jwt sub is missing';
  return null;
}

/** RFC 8291 section 3.4 key derivation and RFC 8188 decryption of a single-record aes128gcm body. */
function decrypt(body: Buffer, device: Device): Buffer {
  // RFC 8188 section 2.1 header: salt(16) | rs(4) | idlen(1) | keyid(idlen), keyid = the sender's public key.
  if (body.length < 21) throw new Error('body shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const senderPublic = body.subarray(21, 21 + idlen);
  const records = body.subarray(21 + idlen);
  if (idlen !== 65) throw new Error('keyid is not a P-256 public key');
  if (records.length > rs) throw new Error('more than one record');
  const ecdhSecret = device.ecdh.computeSecret(senderPublic);
  // IKM = HKDF(salt = auth_secret, ikm = ecdh_secret, info = "WebPush: info" 0x00 ua_public as_public, 32)
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), device.publicKey, senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, device.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  // One record, sequence number 0: the nonce is used as derived.
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  // RFC 8188 section 2: data, then the delimiter 0x02 (last record), then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function createPushService(): Promise<PushService> {
  const devices = new Map<string, Device>();
  const overrides = new Map<string, { status: number; retryAfter: string | undefined }>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let origin = '';

  const service: PushService = {
    url: '',
    messages: [],
    rejections: [],
    onMessage: undefined,
    subscription() {
      const ecdh = createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomUUID();
      devices.set(id, { ecdh, publicKey, auth });
      return { endpoint: `${origin}/push/${id}`, keys: { p256dh: b64u(publicKey), auth: b64u(auth) }, privateKey: b64u(ecdh.getPrivateKey()) };
    },
    respondWith(endpoint, status, retryAfter) {
      if (status === null) overrides.delete(endpoint);
      else overrides.set(endpoint, { status, retryAfter });
    },
    waitForMessages(count, timeoutMs = 10_000) {
      if (service.messages.length >= count) return Promise.resolve(service.messages);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`push service: ${service.messages.length} of ${count} messages after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(service.messages);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const endpoint = `${origin}${req.url ?? ''}`;
    const body = await readBody(req);
    const refuse = (status: number, reason: string) => {
      service.rejections.push({ endpoint, reason });
      res.writeHead(status).end(reason);
    };
    const id = /^\/push\/([0-9a-f-]{36})$/.exec(req.url ?? '')?.[1];
    if (req.method !== 'POST' || !id) return refuse(404, 'no such endpoint');
    const problem = checkVapid(req.headers.authorization, origin, Date.now());
    if (problem) return refuse(403, problem);
    const override = overrides.get(endpoint);
    if (override) {
      res.writeHead(override.status, override.retryAfter === undefined ? {} : { 'retry-after': override.retryAfter }).end();
      return;
    }
    const device = devices.get(id);
    if (!device) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, 'content-encoding is not aes128gcm');
    const ttl = Number(req.headers.ttl);
    if (!Number.isInteger(ttl) || ttl < 0) return refuse(400, 'TTL header missing');
    let plaintext: Buffer;
    try {
      plaintext = decrypt(body, device);
    } catch (error) {
      return refuse(400, `cannot decrypt: ${(error as Error).message}`);
    }
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(plaintext.toString('utf8')) as Record<string, unknown>;
    } catch {
      return refuse(400, 'payload is not JSON');
    }
    const message: ReceivedPush = {
      endpoint,
      payload,
      plaintextBytes: plaintext.length,
      plaintext: plaintext.toString('utf8'),
      ttl,
      urgency: (req.headers.urgency as string | undefined) ?? null,
      topic: (req.headers.topic as string | undefined) ?? null,
      receivedAt: Date.now(),
    };
    service.messages.push(message);
    service.onMessage?.(message);
    for (const waiter of [...waiters]) {
      if (service.messages.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    res.writeHead(201).end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      service.rejections.push({ endpoint: req.url ?? '', reason: `harness error: ${(error as Error).message}` });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  service.url = origin;
  return service;
}
