/**
 * Notifier for several app servers on one PostgreSQL: publish = `SELECT pg_notify(channel, json)`
 * and every server LISTENs on a dedicated connection, delivering to its own local subscribers
 * (including the publishing server itself: PostgreSQL delivers a NOTIFY to every listening
 * session, so there is exactly one delivery path). The listening connection reconnects with
 * backoff if it drops; events published while it is down are lost, which is acceptable because
 * clients re-pull on reconnect (events say that something changed, never what).
 */
import pg from 'pg';
import type { Logger } from 'pino';
import { LiveEvent } from '../../shared/api.ts';
import { LocalSubscribers, type LiveEventListener, type Notifier } from './notifier.ts';

const DEFAULT_CHANNEL = 'innermost_events';
/** pg_notify payloads are limited to 8000 bytes (https://www.postgresql.org/docs/15/sql-notify.html). */
const MAX_PAYLOAD_BYTES = 7900;
/** Notices sent in one statement at most (the notify queue holds gigabytes; this bounds one query). */
const MAX_NOTICES_PER_QUERY = 256;

/** The payload, also built in SQL by statements that notify themselves (WRITE_MANY_PG). */
interface Wire {
  u: string[];
  e: LiveEvent;
}

export interface PostgresNotifierOptions {
  databaseUrl: string;
  /** Pool used to publish (shared with the app is fine); a small one is created when absent. */
  publishPool?: pg.Pool;
  channel?: string;
  logger?: Logger;
}

export class PostgresNotifier implements Notifier {
  readonly #local = new LocalSubscribers();
  readonly #databaseUrl: string;
  readonly #channel: string;
  readonly #logger: Logger | undefined;
  readonly #pool: pg.Pool;
  readonly #ownsPool: boolean;
  #client: pg.Client | null = null;
  #closed = false;
  #reconnectTimer: NodeJS.Timeout | null = null;
  #attempt = 0;
  #ready: Promise<void>;
  readonly #outbox: Array<{ payload: string; resolve: () => void; reject: (error: unknown) => void }> = [];
  #sending = false;

  constructor(options: PostgresNotifierOptions) {
    this.#databaseUrl = options.databaseUrl;
    this.#channel = options.channel ?? DEFAULT_CHANNEL;
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.#channel)) throw new Error('invalid notify channel name');
    this.#logger = options.logger;
    this.#ownsPool = !options.publishPool;
    this.#pool = options.publishPool ?? new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
    if (this.#ownsPool) this.#pool.on('error', () => {});
    this.#ready = this.#connect();
    // Failure of the first attempt is retried in the background; ready() still reports it.
    this.#ready.catch(() => {});
  }

  /** The channel, for statements that notify on it themselves (Notifier.channel). */
  get channel(): string {
    return this.#channel;
  }

  /** Resolves once the LISTEN connection is up (the first time). */
  ready(): Promise<void> {
    return this.#ready;
  }

  async #connect(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client({ connectionString: this.#databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== this.#channel || !message.payload) return;
      this.#onPayload(message.payload);
    });
    client.on('error', (error) => {
      this.#logger?.warn({ err: { message: error.message } }, 'notifier connection error');
      this.#scheduleReconnect(client);
    });
    client.on('end', () => this.#scheduleReconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.#channel}`);
      if (this.#closed) {
        await client.end().catch(() => {});
        return;
      }
      this.#client = client;
      this.#attempt = 0;
    } catch (error) {
      this.#logger?.warn({ err: { message: (error as Error).message } }, 'notifier could not listen');
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      this.#scheduleReconnect(client);
      throw error;
    }
  }

  #scheduleReconnect(client: pg.Client): void {
    if (this.#closed || this.#reconnectTimer) return;
    if (this.#client && this.#client !== client) return; // a stale client's late event
    this.#client = null;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    const delay = Math.min(100 * 2 ** this.#attempt, 5000);
    this.#attempt++;
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      this.#connect().catch(() => {});
    }, delay);
    this.#reconnectTimer.unref();
  }

  #onPayload(payload: string): void {
    let wire: Wire;
    try {
      const raw = JSON.parse(payload) as Partial<Wire>;
      const event = LiveEvent.safeParse(raw.e);
      if (!event.success || !Array.isArray(raw.u)) return;
      wire = { u: raw.u.filter((u): u is string => typeof u === 'string'), e: event.data };
    } catch {
      return;
    }
    this.#local.deliver(wire.u, wire.e);
  }

  async publish(userIds: string[], event: LiveEvent): Promise<void> {
    if (this.#closed || userIds.length === 0) return;
    const payload = JSON.stringify({ u: [...new Set(userIds)], e: event } satisfies Wire);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      // Cannot happen with MAX_SPACE_MEMBERS recipients; split defensively rather than fail.
      const half = Math.ceil(userIds.length / 2);
      await this.publish(userIds.slice(0, half), event);
      await this.publish(userIds.slice(half), event);
      return;
    }
    await new Promise<void>((resolve, reject) => {
      this.#outbox.push({ payload, resolve, reject });
      if (!this.#sending) void this.#send();
    });
  }

  /**
   * Sends what was published meanwhile in one statement, one query at a time: under load, the
   * notices of many writes share one round trip and one commit (a transaction that notifies takes
   * a database-wide lock while it commits, so one NOTIFY per write serialised every write's
   * notice behind the others' commits). Order is kept: unnest yields the payloads in order and
   * PostgreSQL delivers one transaction's notifications in the order they were sent.
   */
  async #send(): Promise<void> {
    this.#sending = true;
    try {
      while (this.#outbox.length > 0) {
        const batch = this.#outbox.splice(0, MAX_NOTICES_PER_QUERY);
        try {
          // Named: prepared once per connection, not parsed and planned for every batch (ADR 035).
          await this.#pool.query({ name: 'innermost_notify', text: 'SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', values: [this.#channel, batch.map((b) => b.payload)] });
          for (const b of batch) b.resolve();
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      this.#sending = false;
    }
  }

  subscribe(userId: string, listener: LiveEventListener): () => void {
    return this.#local.subscribe(userId, listener);
  }

  /** Test hook: drops the listening connection as a network failure would. */
  async dropConnectionForTest(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const pid = (client as unknown as { processID: number }).processID;
    await this.#pool.query('SELECT pg_terminate_backend($1)', [pid]);
  }

  /** Test hook: true while the LISTEN connection is established. */
  get listening(): boolean {
    return this.#client !== null;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = null;
    const client = this.#client;
    this.#client = null;
    if (client) {
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
    if (this.#ownsPool) await this.#pool.end().catch(() => {});
    this.#local.clear();
  }
}
