/**
 * Small things rounds remember on this device only, never sent anywhere: how a person likes to
 * answer (one question at a time, or the whole list), which question they were on, and which
 * opened rounds they have already looked at (so Today stops offering them). None of it is
 * personal content: a layout word, a screen number, round ids already in the local cache's keys.
 */
import { signal } from '@preact/signals';
import { deleteDevice, getDevice, putDevice } from '../../platform/local-db.ts';

export type AnswerLayout = 'one' | 'all';

const LAYOUT_KEY = 'rounds:answer-layout';
const SEEN_KEY = 'rounds:seen-opened';
/** Enough for years of rounds; the oldest are forgotten first (Today only offers recent ones). */
const MAX_SEEN = 200;

export const answerAtKey = (draftKey: string) => `answer-at:${draftKey}`;

/** Phones answer one question per screen unless the person chose the whole list (and back). */
export async function loadAnswerLayout(): Promise<AnswerLayout> {
  const saved = await getDevice<unknown>(LAYOUT_KEY).catch(() => undefined);
  if (saved === 'one' || saved === 'all') return saved;
  const narrow = typeof matchMedia === 'function' && matchMedia('(max-width: 39.99rem)').matches;
  return narrow ? 'one' : 'all';
}

export function saveAnswerLayout(layout: AnswerLayout): Promise<void> {
  return putDevice(LAYOUT_KEY, layout);
}

export function loadAnswerAt(draftKey: string): Promise<unknown> {
  return getDevice<unknown>(answerAtKey(draftKey)).catch(() => undefined);
}

export function saveAnswerAt(draftKey: string, at: number): Promise<void> {
  return putDevice(answerAtKey(draftKey), at);
}

export function clearAnswerAt(draftKey: string): Promise<void> {
  return deleteDevice(answerAtKey(draftKey));
}

/** Opened rounds I have looked at on this device (null until read from it). */
export const seenOpened = signal<ReadonlySet<string> | null>(null);

let loading: Promise<void> | null = null;
export function loadSeenOpened(): Promise<void> {
  loading ??= getDevice<unknown>(SEEN_KEY)
    .catch(() => undefined)
    .then((saved) => {
      const ids = Array.isArray(saved) ? saved.filter((x): x is string => typeof x === 'string') : [];
      // A mark made meanwhile (before the device answered) is kept.
      seenOpened.value = new Set([...ids, ...(seenOpened.value ?? [])]);
    });
  return loading;
}

export async function markOpenedSeen(roundId: string): Promise<void> {
  await loadSeenOpened();
  const seen = seenOpened.value ?? new Set<string>();
  if (seen.has(roundId)) return;
  const next = [...seen, roundId].slice(-MAX_SEEN);
  seenOpened.value = new Set(next);
  await putDevice(SEEN_KEY, next).catch(() => undefined);
}
