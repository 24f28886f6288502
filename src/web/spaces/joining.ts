import { signal } from '@preact/signals';

/**
 * The space I just asked to join and am waiting to be confirmed in. Kept outside the join screen
 * so the waiting state survives a lock and unlock, or a trip to another screen and back.
 */
export const joiningSpaceId = signal<string | null>(null);
