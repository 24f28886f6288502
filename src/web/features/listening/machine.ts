/**
 * A listening turn as a small state machine, pure so every transition is tested without a
 * browser. The turn lives in a shared place as a mutable record (kinds.ts); each device applies
 * an event to the version in force, checks it is allowed for whoever acts, and writes the next
 * version. Nothing here holds what anyone said: typed words are separate records, deleted when the
 * turn ends.
 *
 * asked ─accept─▶ talking            asked ─later(at)─▶ later ─start─▶ talking
 * asked/later ─not-now─▶ ended        asked/later ─stop (the one who asked)─▶ ended
 * talking: share ─said─▶ reflect ─reflected─▶ check ─yes─▶ validate ─validated─▶ heard
 *          check ─not-quite / more─▶ share            heard ─not-yet─▶ share
 *          heard ─yes─▶ (first round) swap: the listener has the floor; (second) closing
 * talking ─pause(back)─▶ paused ─resume─▶ talking, at the same step
 * talking/paused ─stop─▶ closing ─keep: everyone─▶ ended (kept) / ─let go─▶ ended
 * anything ─left (someone is no longer in the place)─▶ ended
 */
import type { ListeningTopic } from '../../../shared/listening.ts';

export const PHASES = ['asked', 'later', 'talking', 'paused', 'closing', 'ended'] as const;
export type Phase = (typeof PHASES)[number];
export const STEPS = ['share', 'reflect', 'check', 'validate', 'heard'] as const;
export type Step = (typeof STEPS)[number];
/** Spoken aloud (nothing recorded) or typed (encrypted, deleted at the end unless kept). */
export const MODES = ['spoken', 'typed'] as const;
export type Mode = (typeof MODES)[number];
/** One phone passed between us, or each on our own phone in step. */
export const DEVICES = ['one', 'each'] as const;
export type Device = (typeof DEVICES)[number];
/** How a turn ended: said not now, withdrawn before it began, done (stopped or both heard), someone left. */
export const ENDINGS = ['not-now', 'withdrawn', 'done', 'left'] as const;
export type Ending = (typeof ENDINGS)[number];
/** What the speaker is invited to do when they have the floor again: say it another way, or go on. */
export const CUES = ['again', 'more'] as const;
export type Cue = (typeof CUES)[number];

/** A pause lasts at least this long (time to calm down), and at most a day. */
export const PAUSE_MIN_MS = 20 * 60_000;
export const PAUSE_MAX_MS = 24 * 60 * 60_000;
/** The moments between picking "20 minutes" on screen and the write: a return time this much short still counts. */
export const PAUSE_GRACE_MS = 60_000;
/** "Later today": a time within the next day. */
export const LATER_MAX_MS = 24 * 60 * 60_000;

export interface Turn {
  id: string;
  /** Who asked, and whom. */
  by: string;
  with: string;
  topic: ListeningTopic;
  mode: Mode;
  device: Device;
  phase: Phase;
  step: Step;
  /** Who has the floor. */
  speaker: string;
  /** 0: the one who asked speaks first; 1: after the swap. */
  round: 0 | 1;
  cue?: Cue;
  /** The time picked to talk (phase 'later'). */
  later?: number;
  /** When to come back after a pause (phase 'paused'). Who paused is never kept: nobody is blamed. */
  back?: number;
  /** The opaque id of the reminder scheduled through the push channel (for the later time or the return). */
  remind?: string;
  /** Who chose to keep a short summary (phase 'closing'). */
  keep: string[];
  ending?: Ending;
  /** Both chose to keep a short summary. */
  kept: boolean;
  /** When this version was made (the acting device's clock). */
  at: number;
}

export type TurnEvent =
  | { type: 'accept' }
  | { type: 'later'; at: number }
  | { type: 'not-now' }
  | { type: 'start' }
  | { type: 'said' }
  | { type: 'reflected' }
  | { type: 'check'; answer: 'yes' | 'not-quite' | 'more' }
  | { type: 'validated' }
  | { type: 'heard'; answer: 'yes' | 'not-yet' }
  | { type: 'pause'; back: number }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'keep'; keep: boolean }
  | { type: 'left' };

export type Refusal = 'not-in-turn' | 'not-your-part' | 'wrong-phase' | 'bad-time';
export type Outcome = { ok: true; turn: Turn } | { ok: false; reason: Refusal };

export interface NewTurn {
  id: string;
  by: string;
  with: string;
  topic: ListeningTopic;
  mode: Mode;
  device: Device;
}

/**
 * A new turn. On one phone both people are there already, so it starts at once; on two phones
 * it is a request the other answers.
 */
export function ask(input: NewTurn, now: number): Turn {
  const base: Turn = { ...input, phase: 'asked', step: 'share', speaker: input.by, round: 0, keep: [], kept: false, at: now };
  return input.device === 'one' ? { ...base, phase: 'talking' } : base;
}

export const otherOf = (turn: Turn, userId: string): string => (userId === turn.by ? turn.with : turn.by);
export const listenerOf = (turn: Turn): string => otherOf(turn, turn.speaker);
export const isIn = (turn: Turn, userId: string): boolean => userId === turn.by || userId === turn.with;

const ok = (turn: Turn): Outcome => ({ ok: true, turn });
const no = (reason: Refusal): Outcome => ({ ok: false, reason });

/** Drops what belongs to another phase, so a version carries only what is in force. */
function clean(turn: Turn): Turn {
  const out: Turn = { ...turn };
  if (out.phase !== 'later') delete out.later;
  if (out.phase !== 'paused') delete out.back;
  if (out.phase !== 'talking') delete out.cue;
  if (out.phase !== 'ended') delete out.ending;
  if (out.phase === 'ended' || (out.phase !== 'later' && out.phase !== 'paused')) delete out.remind;
  return out;
}

/**
 * Applies an event by `actor` at `now`. Role rules hold on two phones (only the speaker says they
 * were heard, only the listener reflects); on one phone the phone is passed, so its owner taps for
 * both of them. `remind`: the opaque id for a reminder, when the event sets one (later, pause).
 */
export function next(turn: Turn, event: TurnEvent, actor: string, now: number, remind?: string): Outcome {
  if (!isIn(turn, actor)) return no('not-in-turn');
  const shared = turn.device === 'one';
  const as = (who: string) => shared || actor === who;
  const at = { ...turn, at: now };
  const done = (t: Turn) => ok(clean(t));

  if (event.type === 'left') return turn.phase === 'ended' ? no('wrong-phase') : done({ ...at, phase: 'ended', ending: 'left', keep: [], kept: false });

  switch (turn.phase) {
    case 'asked':
    case 'later': {
      if (event.type === 'accept' || event.type === 'start') {
        if (turn.phase === 'asked' && !as(turn.with)) return no('not-your-part');
        if (event.type === 'start' && turn.phase !== 'later') return no('wrong-phase');
        if (event.type === 'accept' && turn.phase !== 'asked') return no('wrong-phase');
        return done({ ...at, phase: 'talking', step: 'share', speaker: turn.by, round: 0 });
      }
      if (event.type === 'later') {
        if (turn.phase !== 'asked') return no('wrong-phase');
        if (!as(turn.with)) return no('not-your-part');
        if (event.at <= now || event.at > now + LATER_MAX_MS) return no('bad-time');
        return done({ ...at, phase: 'later', later: event.at, ...(remind ? { remind } : {}) });
      }
      if (event.type === 'not-now') {
        if (!as(turn.with)) return no('not-your-part');
        return done({ ...at, phase: 'ended', ending: 'not-now' });
      }
      if (event.type === 'stop') {
        if (!as(turn.by)) return no('not-your-part');
        return done({ ...at, phase: 'ended', ending: 'withdrawn' });
      }
      return no('wrong-phase');
    }

    case 'talking': {
      const speaker = as(turn.speaker);
      const listener = as(listenerOf(turn));
      switch (event.type) {
        case 'said':
          if (turn.step !== 'share') return no('wrong-phase');
          return speaker ? done({ ...at, step: 'reflect' }) : no('not-your-part');
        case 'reflected':
          if (turn.step !== 'reflect') return no('wrong-phase');
          return listener ? done({ ...at, step: 'check' }) : no('not-your-part');
        case 'check':
          if (turn.step !== 'check') return no('wrong-phase');
          if (!speaker) return no('not-your-part');
          if (event.answer === 'yes') return done({ ...at, step: 'validate' });
          return done({ ...at, step: 'share', cue: event.answer === 'not-quite' ? 'again' : 'more' });
        case 'validated':
          if (turn.step !== 'validate') return no('wrong-phase');
          return listener ? done({ ...at, step: 'heard' }) : no('not-your-part');
        case 'heard':
          if (turn.step !== 'heard') return no('wrong-phase');
          if (!speaker) return no('not-your-part');
          if (event.answer === 'not-yet') return done({ ...at, step: 'share', cue: 'more' });
          // The turn passes only now, when the speaker says they were heard.
          if (turn.round === 0) return done({ ...at, step: 'share', speaker: listenerOf(turn), round: 1 });
          return done({ ...at, phase: 'closing', keep: [] });
        case 'pause':
          if (event.back - now < PAUSE_MIN_MS - PAUSE_GRACE_MS || event.back - now > PAUSE_MAX_MS) return no('bad-time');
          return done({ ...at, phase: 'paused', back: event.back, ...(remind ? { remind } : {}) });
        case 'stop':
          return done({ ...at, phase: 'closing', keep: [] });
        default:
          return no('wrong-phase');
      }
    }

    case 'paused':
      // Either may come back, early too; the turn goes on exactly where it was.
      if (event.type === 'resume') return done({ ...at, phase: 'talking' });
      if (event.type === 'stop') return done({ ...at, phase: 'closing', keep: [] });
      return no('wrong-phase');

    case 'closing': {
      if (event.type !== 'keep') return no('wrong-phase');
      // Letting go is one person's choice and ends it; keeping needs everyone (on one phone, the tap says "we both").
      if (!event.keep) return done({ ...at, phase: 'ended', ending: 'done', keep: [], kept: false });
      const keep = shared ? [turn.by, turn.with] : [...new Set([...turn.keep, actor])];
      const everyone = keep.includes(turn.by) && keep.includes(turn.with);
      return everyone ? done({ ...at, phase: 'ended', ending: 'done', keep, kept: true }) : done({ ...at, keep });
    }

    case 'ended':
      return no('wrong-phase');
  }
}

/** A turn whose other person is no longer an active member of the place ends ('left'). */
export function settle(turn: Turn, activeMembers: ReadonlySet<string>, now: number): Turn {
  if (turn.phase === 'ended' || (activeMembers.has(turn.by) && activeMembers.has(turn.with))) return turn;
  const out = next(turn, { type: 'left' }, activeMembers.has(turn.by) ? turn.by : turn.with, now);
  return out.ok ? out.turn : turn;
}

/** The pause's return time is due (the app then offers to pick up where we were). */
export const backDue = (turn: Turn, now: number): boolean => turn.phase === 'paused' && turn.back !== undefined && now >= turn.back;
