/** The spaces this device knows, as the screens see them (kept up to date by views.ts). */
import { signal } from '@preact/signals';
import type { SpaceView } from './types.ts';

/** Personal space first, then shared spaces by creation time. */
export const spaces = signal<SpaceView[]>([]);
/** Spaces this device was removed from while running (declined joins, leaving, deletion). */
export const removedSpaceIds = signal<ReadonlySet<string>>(new Set());
/** An invite link opened before signing in: kept (in memory only) until the person is signed in. */
export const pendingInviteFragment = signal<string | null>(null);
