/**
 * Where a pair is in the touch program, from each person's own record (issue 13, item 4). Pure.
 *
 * Each person writes only their own state: the sessions after which they said "ready for the
 * next", and whether they paused. The pair's place is the first session that not both have left:
 * nobody can move the pair on alone (the pace of the slowest person), while either can step back
 * by taking their "ready" back. A pause is separate from the place, so pausing and resuming loses
 * nothing. Every decision is made from the signed records both apps read, not from a server.
 */
import type { TouchProgram, TouchSession } from '../../../../shared/comfort.ts';
import type { PlacedComfortItem } from '../../../../shared/comfort.ts';

export interface PersonProgress {
  /** Session ids after which this person said they are ready for the next. */
  ready: readonly string[];
  paused: boolean;
}

export const NOT_STARTED: PersonProgress = { ready: [], paused: false };

export type Who = 'me' | 'partner' | 'both';

export interface PairPlace {
  index: number;
  session: TouchSession;
  /** True on the last session (there is no "next" to be ready for). */
  last: boolean;
  /** Who said ready for the next session (null: nobody yet). */
  readyNow: Who | null;
  /** Who paused (null: nobody). Either pausing pauses the pair; only each can resume their own. */
  pausedBy: Who | null;
}

function who(me: boolean, partner: boolean): Who | null {
  return me && partner ? 'both' : me ? 'me' : partner ? 'partner' : null;
}

export function pairPlace(program: TouchProgram, mine: PersonProgress | null, theirs: PersonProgress | null): PairPlace {
  const a = mine ?? NOT_STARTED;
  const b = theirs ?? NOT_STARTED;
  const lastIndex = program.sessions.length - 1;
  let index = 0;
  while (index < lastIndex && a.ready.includes(program.sessions[index]!.id) && b.ready.includes(program.sessions[index]!.id)) index++;
  const session = program.sessions[index]!;
  const last = index === lastIndex;
  return {
    index,
    session,
    last,
    readyNow: last ? null : who(a.ready.includes(session.id), b.ready.includes(session.id)),
    pausedBy: who(a.paused, b.paused),
  };
}

/** My state after saying (or taking back) "ready for the next" at the pair's place. */
export function withReady(program: TouchProgram, place: PairPlace, mine: PersonProgress | null, ready: boolean): PersonProgress {
  const current = mine ?? NOT_STARTED;
  if (place.last || place.pausedBy !== null) return current;
  // Only sessions up to the current one: a "ready" for a session not reached yet would move the
  // pair on later without this person having seen it.
  const upTo = new Set(program.sessions.slice(0, place.index).map((s) => s.id));
  const kept = current.ready.filter((id) => upTo.has(id));
  return { ...current, ready: ready ? [...kept, place.session.id] : kept };
}

/**
 * My state after stepping back one session: I take back my "ready" for the one before, which
 * moves the pair back (moving on needs both; going back needs one).
 */
export function steppedBack(program: TouchProgram, place: PairPlace, mine: PersonProgress | null): PersonProgress {
  const current = mine ?? NOT_STARTED;
  if (place.index === 0) return current;
  const keep = new Set(program.sessions.slice(0, place.index - 1).map((s) => s.id));
  return { ...current, ready: current.ready.filter((id) => keep.has(id)) };
}

/**
 * A session's suggestions for this pair: only items both matched, and none above the session's
 * level (the content check guarantees it too; a newer catalog must not slip anything in). Catalog
 * order, least intimate first.
 */
export function sessionSuggestions(session: TouchSession, matched: ReadonlySet<string>, catalog: readonly PlacedComfortItem[]): PlacedComfortItem[] {
  const wanted = new Set(session.suggestions);
  return catalog.filter((item) => wanted.has(item.id) && matched.has(item.id) && item.level <= session.level);
}
