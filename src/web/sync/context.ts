/**
 * What the sync engine is built from (its dependencies, injected so that it runs the same in the
 * browser and in Node tests against a real server) and the state its jobs share.
 */
import type { LiveEvent } from '../../shared/api.ts';
import type { ApiClient } from '../platform/api.ts';
import type { KeyRing } from '../vault/keyring.ts';
import type { Decoded } from './kinds.ts';
import type { LocalDb, OutboxEntry } from '../platform/local-db.ts';
import type { SpaceState } from './space-state.ts';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The live event stream (EventSource in the browser). */
export interface LiveConnector {
  open(handlers: { onOpen(): void; onEvent(event: LiveEvent): void; onClosed(): void; onError(): void }): { close(): void };
}

export interface Network {
  online(): boolean;
  /** Calls back on every change; returns an unsubscribe function. */
  subscribe(onChange: (online: boolean) => void): () => void;
}

export interface SyncDeps {
  /** The typed API client (platform/api.ts); requests go through `call`. */
  client: ApiClient;
  db: LocalDb;
  clock: Clock;
  live: LiveConnector;
  network: Network;
  /** Whether an error means "try again later" rather than "refused". */
  isTransient(error: unknown): boolean;
  /** Developer diagnostics (never plaintext, keys or ciphertext). */
  warn?(message: string): void;
}

/** A write in the outbox, decrypted, shown on top of the synced documents until acknowledged. */
export interface QueuedWrite {
  entry: OutboxEntry;
  decoded: Decoded;
}

export interface SyncStatus {
  online: boolean;
  /** Connected to the live event stream. */
  live: boolean;
  /** Writes queued on this device and not yet acknowledged by the server. */
  pendingWrites: number;
  lastSyncedAt: number | null;
  /**
   * Why the waiting writes are held on this device, when the server refused them for a limit
   * (a full person or place, or too many writes at once): they stay queued and are sent again.
   */
  heldBy?: HeldReason | null;
}

/** Refusals that keep a write on this device (ADR 030): sent again later, never dropped. */
export const HOLD_CODES = ['storage-full-person', 'storage-full-space', 'too-many-writes'] as const;
export type HeldReason = (typeof HOLD_CODES)[number];

/** The state the engine's jobs share, for one signed-in person (replaced at every start). */
export interface Session {
  ring: KeyRing;
  /** Bumped at every start and stop: work from an older session must not touch a newer one. */
  generation: number;
  states: Map<string, SpaceState>;
  queued: QueuedWrite[];
}
