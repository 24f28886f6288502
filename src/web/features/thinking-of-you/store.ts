/**
 * Signals and actions of "thinking of you". Screens read the signals and call the actions; the
 * implementation lives in engine.ts and loads on demand (see actions.ts).
 */
import { signal } from '@preact/signals';
import { thinking } from './actions.ts';
import type { ReplyId } from './kinds.ts';
import { NO_THOUGHTS, type ThoughtsView } from './views.ts';

/** The first component that reads one of these signals loads the engine. */
const { watched } = thinking;

/** What shows now: notices to me, replies to my latest notices, my latest notice per space. */
export const thoughts = signal<ThoughtsView>(NO_THOUGHTS, watched);
/** False until the engine has published from this device's cache at least once. */
export const thoughtsReady = signal(false, watched);

export interface ThinkingActions {
  /** Sends a notice to a member (user id) or to everyone ('all'); nothing while the space rests. */
  send(spaceId: string, to: string): Promise<void>;
  /** Answers a notice with one of the kind replies. */
  reply(spaceId: string, noticeId: string, reply: ReplyId): Promise<void>;
  /** Closes a notice or a reply without answering (on my devices only; nobody else learns of it). */
  close(spaceId: string, userId: string, what: 'notice' | 'reply', recordId: string): Promise<void>;
}
