/**
 * Request bodies: read once, size-checked while reading (so a lying or absent Content-Length
 * cannot get past the limit), then parsed as JSON for the routes that take JSON.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { MiddlewareHandler } from 'hono';
import { MAX_BODY_BYTES } from '../../shared/limits.ts';
import type { AppEnv } from '../context.ts';
import { AppError } from './errors.ts';

export function bodyLimit(maxBytes: number = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // GET and HEAD carry no body; touching c.req.raw.body would also make @hono/node-server
    // build a full Request for nothing.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    assertDeclaredLength(c.req.header('content-length'), maxBytes);
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    const bytes = incoming instanceof Readable ? await readIncoming(incoming, maxBytes) : await readStream(c.req.raw.body, maxBytes);
    c.set('rawBody', bytes);
    return next();
  };
}

/** A body declared (Content-Length) larger than the limit is refused before any of it is read. */
export function assertDeclaredLength(declared: string | undefined, maxBytes: number): void {
  if (declared !== undefined && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    throw new AppError('payload-too-large');
  }
}

/** Node server: read the IncomingMessage directly (no web stream in between), counting bytes. */
export function readIncoming(incoming: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('aborted', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        cleanup();
        incoming.pause();
        reject(new AppError('payload-too-large'));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = () => {
      cleanup();
      reject(new AppError('bad-request', 'The request body could not be read.'));
    };
    // Closed before the end: the client went away mid-body.
    const onClose = () => {
      if (!incoming.readableEnded) onError();
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('aborted', onError);
    incoming.on('close', onClose);
    if (incoming.readableEnded) onEnd();
  });
}

/** How long, and how much, an answered request's unread body is read and dropped before its connection closes. */
const DRAIN_MS = 500;
const DRAIN_MAX_BYTES = 64 * 1024 * 1024;

/**
 * After answering a request whose body was not read to its end (refused before or while reading
 * it), read and drop the rest so the connection can carry the next request, or close it if that
 * takes too long or too much. What @hono/node-server does for the framework's routes; the
 * records lane does the same (a paused, half-read request would otherwise hold its connection).
 */
export function drainUnread(incoming: IncomingMessage): void {
  if (incoming.readableEnded || incoming.destroyed) return;
  let read = 0;
  const close = () => {
    cleanup();
    incoming.socket?.destroySoon?.();
  };
  const timer = setTimeout(close, DRAIN_MS);
  timer.unref();
  const onData = (chunk: Buffer) => {
    read += chunk.byteLength;
    if (read > DRAIN_MAX_BYTES) close();
  };
  const cleanup = () => {
    clearTimeout(timer);
    incoming.off('data', onData);
    incoming.off('end', cleanup);
    incoming.off('error', cleanup);
  };
  incoming.on('data', onData);
  incoming.on('end', cleanup);
  incoming.on('error', cleanup);
  incoming.resume();
}

/** Any runtime (app.request in tests): read the web stream, counting bytes. */
async function readStream(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new AppError('payload-too-large');
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('bad-request', 'The request body could not be read.');
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSON body: declared application/json ('unsupported-media-type') and well-formed UTF-8 JSON
 * ('invalid-json'). Returns the text and the parsed value.
 */
export function parseJsonBody(contentType: string | undefined, bytes: Uint8Array): { text: string; value: unknown } {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new AppError('unsupported-media-type');
  try {
    const text = decoder.decode(bytes);
    return { text, value: JSON.parse(text) };
  } catch {
    throw new AppError('invalid-json');
  }
}

/** For JSON routes, before the zod validator: parseJsonBody on the body bodyLimit read. */
export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { text } = parseJsonBody(c.req.header('content-type'), c.get('rawBody') ?? new Uint8Array(0));
  // Hand the checked text to c.req.json() (used by the validator) without reading the stream again.
  // (bodyCache holds promises at run time; its declared type says otherwise.)
  (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
  await next();
};
