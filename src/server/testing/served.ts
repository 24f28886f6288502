/**
 * An app served on a real port, as main.ts serves it (the records lane in front), and a raw
 * HTTP/1.1 client for it that sends exactly the headers given (a Host of its choosing, none at
 * all, a lying Content-Length): what a browser or an attacker's tool sends, not what fetch allows.
 */
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createAppAndListener } from '../app.ts';
import type { AppConfig } from '../context.ts';
import { createMetrics, type Metrics } from '../metrics.ts';
import { InProcessNotifier } from '../realtime/notifier.ts';
import { addressTo } from './app.ts';
import type { TestDatabase } from './databases.ts';
import { withRecordsLane } from '../routes/records.lane.ts';

export interface RawAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

export interface Served {
  /** The app itself, for app.request and the test factories (same services as the server). */
  app: ReturnType<typeof createAppAndListener>['app'];
  metrics: Metrics;
  /** How many requests the lane answered itself (the rest went on to the framework). */
  laneTook(): number;
  /** The ports: with the lane (as main.ts serves) and through the framework alone. */
  ports: { lane: number; framework: number };
  /** Through the records lane, as main.ts serves. */
  lane: (req: RawRequest) => Promise<RawAnswer>;
  /** The same app through the framework's listener alone (no lane). */
  framework: (req: RawRequest) => Promise<RawAnswer>;
  close(): Promise<void>;
}

export async function serveTestApp(db: TestDatabase, options: { config?: Partial<AppConfig>; now?: () => number; logger?: Logger } = {}): Promise<Served> {
  const metrics = createMetrics();
  const { app, lane, framework } = createAppAndListener({
    config: { trustProxy: true, staticDir: undefined, signup: 'open', ...options.config },
    database: db.database,
    secret: randomBytes(32),
    notifier: new InProcessNotifier(),
    logger: options.logger ?? pino({ level: 'silent' }),
    metrics,
    now: options.now,
  });
  addressTo(app, options.config?.publicOrigin);
  let laneTook = 0;
  const withLane = await listenOn(
    withRecordsLane((req, res) => {
      const took = lane(req, res);
      if (took) laneTook++;
      return took;
    }, framework),
  );
  const frameworkOnly = await listenOn(framework);
  return {
    app,
    metrics,
    laneTook: () => laneTook,
    ports: { lane: withLane.port, framework: frameworkOnly.port },
    lane: (req) => rawRequest(withLane.port, req),
    framework: (req) => rawRequest(frameworkOnly.port, req),
    close: async () => {
      await withLane.close();
      await frameworkOnly.close();
    },
  };
}

async function listenOn(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** One request on its own connection; `headers` as given (no Host added unless listed). */
export function rawRequest(port: number, { method, path, headers = {}, body }: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
