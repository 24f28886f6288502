/**
 * Who is here, as this device knows it: signed out, locked (keys not in memory) or unlocked. The
 * account feature's session sets these; every screen may read them.
 */
import { signal } from '@preact/signals';

export type AuthStatus = 'loading' | 'signed-out' | 'locked' | 'unlocked';

export interface Me {
  id: string;
  email: string;
  personalSpaceId: string;
}

export const authStatus = signal<AuthStatus>('loading');
export const me = signal<Me | null>(null);
