/** The sync engine's state as the screens show it (online, live, writes waiting). */
import { signal } from '@preact/signals';

export interface SyncState {
  online: boolean;
  /** Connected to the live event stream. */
  live: boolean;
  /** Writes queued on this device and not yet acknowledged by the server. */
  pendingWrites: number;
  lastSyncedAt: number | null;
  /** A server limit holds the waiting writes on this device (sync/context.ts HOLD_CODES). */
  heldBy?: 'storage-full-person' | 'storage-full-space' | 'too-many-writes' | null;
}

export const syncState = signal<SyncState>({ online: true, live: false, pendingWrites: 0, lastSyncedAt: null });
