/**
 * Signals and actions of listening turns and the bad-day share. Screens read the signals and call
 * the actions; the implementation lives in engine.ts and loads on demand (see actions.ts).
 */
import { signal } from '@preact/signals';
import type { ListeningTopic } from '../../../shared/listening.ts';
import { listening } from './actions.ts';
import type { BadDayReplyId, Help } from './kinds.ts';
import type { Device, Mode, TurnEvent } from './machine.ts';
import { NO_LISTENING, type ListeningView } from './views.ts';

const { watched } = listening;

export const listeningState = signal<ListeningView>(NO_LISTENING, watched);
/** False until the engine has published from this device's cache at least once. */
export const listeningReady = signal(false, watched);

export interface ListeningActions {
  /** Asks a member for a turn (on one phone it starts at once); returns the turn id. */
  ask(spaceId: string, withId: string, topic: ListeningTopic, mode: Mode, device: Device): Promise<string>;
  /** Moves a turn on (machine.ts); in the typed mode, `text` is the piece just said, kept only until the turn ends. */
  act(spaceId: string, turnId: string, event: TurnEvent, text?: string): Promise<void>;
  /** The short summary both chose to keep. */
  keepSummary(spaceId: string, turnId: string, text: string): Promise<void>;
  /** "I'm having a hard day": replaces my earlier share in that place. */
  shareBadDay(spaceId: string, help: Help[], line: string): Promise<void>;
  /** Takes my share back (feeling better, or shared by mistake). */
  withdrawBadDay(spaceId: string): Promise<void>;
  /** Answers a share with a kind reply or one's own words. */
  replyBadDay(spaceId: string, shareId: string, answer: { reply: BadDayReplyId } | { words: string }): Promise<void>;
}
