/**
 * The local push service (tests/support/push-service.ts) against web-push, the library the server
 * sends with: what the library signs and encrypts, the harness verifies and decrypts; anything
 * else it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { type PushService, createPushService } from '../../../tests/support/push-service.ts';
import { generateVapidKeys } from './vapid.ts';

const vapid = { subject: 'mailto:tests@innermost.example', ...generateVapidKeys() };

async function post(subscription: { endpoint: string; keys: { p256dh: string; auth: string } }, payload: string, options: { vapidDetails?: typeof vapid; mangle?: (h: Record<string, string>) => void } = {}) {
  const details = webpush.generateRequestDetails(subscription, payload, { vapidDetails: options.vapidDetails ?? vapid, TTL: 60, urgency: 'low', contentEncoding: 'aes128gcm' });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.headers)) if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
  options.mangle?.(headers);
  const res = await fetch(subscription.endpoint, { method: 'POST', headers, body: new Uint8Array(details.body as Buffer) });
  return res.status;
}

describe('local push service', () => {
  let service: PushService;
  beforeAll(async () => {
    service = await createPushService();
  });
  afterAll(() => service.close());

  it('verifies the VAPID JWT and decrypts what web-push sends, with its headers', async () => {
    const device = service.subscription();
    expect(device.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/push\/[0-9a-f-]{36}$/);
    expect(await post(device, '{"hello":"device"}   ')).toBe(201);
    const [message] = await service.waitForMessages(1);
    expect(message).toMatchObject({ endpoint: device.endpoint, payload: { hello: 'device' }, plaintextBytes: 21, ttl: 60, urgency: 'low', topic: null });
    expect(service.rejections).toEqual([]);
  });

  it('refuses a tampered signature, a key that did not sign, and a JWT for another push service', async () => {
    const device = service.subscription();
    const other = generateVapidKeys();
    // The signature's first character, whatever it is (base64url's '-' is not \w: one signature
    // in 64 was left untouched and accepted), becomes another: its six bits all count.
    const tamper = (auth: string) => auth.replace(/t=([^.]+\.[^.]+)\.([\w-])/, (_m, jwt, c) => `t=${jwt}.${c === 'A' ? 'B' : 'A'}`);
    expect(await post(device, '{}', { mangle: (h) => (h.Authorization = tamper(h.Authorization!)) })).toBe(403);
    expect(await post(device, '{}', { mangle: (h) => (h.Authorization = h.Authorization!.replace(/k=.*$/, `k=${other.publicKey}`)) })).toBe(403);
    const elsewhere = { ...device, endpoint: device.endpoint.replace('127.0.0.1', 'localhost') };
    expect(await post(elsewhere, '{}')).toBe(403);
    expect(service.rejections.map((r) => r.reason)).toEqual(['jwt signature does not verify', 'jwt signature does not verify', 'jwt aud is not this push service']);
    service.rejections.length = 0;
  });

  it('cannot read a message encrypted for another device', async () => {
    const device = service.subscription();
    const other = service.subscription();
    expect(await post({ endpoint: device.endpoint, keys: other.keys }, '{"x":1}')).toBe(400);
    expect(service.rejections.at(-1)?.reason).toMatch(/^cannot decrypt/);
    service.rejections.length = 0;
  });

  it('answers 404 or 410 for an endpoint it is told to', async () => {
    const device = service.subscription();
    service.respondWith(device.endpoint, 410);
    expect(await post(device, '{}')).toBe(410);
    service.respondWith(device.endpoint, null);
    expect(await post(device, '{}')).toBe(201);
  });
});
