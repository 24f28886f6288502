/** Pure views of the comfort map and its matches (no state, no I/O): tested on their own. */
import type { ComfortRunSummary } from '../../../shared/api.ts';
import { COMFORT_RUN_WAIT_MS } from '../../../shared/limits.ts';
import type { ComfortAnswers, ComfortMatch } from './kinds.ts';
import type { RunView } from './store.ts';

/** Where a run stands for me, from its status and who posted which phase (never what). */
export function runStep(run: ComfortRunSummary, myId: string): RunView['step'] {
  if (run.status === 'done') return 'done';
  if (run.status !== 'open') return 'closed';
  const mine = run.participants.find((p) => p.userId === myId)?.posted ?? [];
  const theirs = run.participants.find((p) => p.userId !== myId)?.posted ?? [];
  if (!mine.includes(1)) return 'invited';
  if (!theirs.includes(1)) return 'waiting-partner';
  if (!mine.includes(2) || !theirs.includes(2)) return 'exchanging';
  return 'finishing';
}

export function toRunView(run: ComfortRunSummary, myId: string): RunView {
  const partnerId = run.participants.find((p) => p.userId !== myId)?.userId ?? '';
  return {
    id: run.id,
    spaceId: run.spaceId,
    partnerId,
    startedByMe: run.createdBy === myId,
    status: run.status,
    step: runStep(run, myId),
    createdAt: run.createdAt,
    closedAt: run.closedAt,
  };
}

/**
 * The answers that take part in a match: only items the catalog still has, and never those of a
 * group I hid (hiding a group means "not now" for all of it).
 */
export function matchableAnswers(map: ComfortAnswers, items: readonly { id: string; groupId: string }[]): Record<string, 'yes' | 'maybe'> {
  const hidden = new Set(map.hiddenGroups);
  const out: Record<string, 'yes' | 'maybe'> = {};
  for (const item of items) {
    const answer = map.answers[item.id];
    if (answer && !hidden.has(item.groupId)) out[item.id] = answer;
  }
  return out;
}

/** Match results, newest first. */
export function sortMatches(list: Iterable<ComfortMatch>): ComfortMatch[] {
  return [...list].sort((a, b) => b.at - a.at || (a.runId < b.runId ? 1 : -1));
}

/** A match's items in catalog order, "both yes" ones first within each group's order. */
export function matchedInOrder(match: ComfortMatch, items: readonly { id: string }[]): { id: string; outcome: 'both-yes' | 'open' }[] {
  return items.flatMap((i) => (match.items[i.id] ? [{ id: i.id, outcome: match.items[i.id]! }] : []));
}

/** When this pair may start a new match (the server's wait after their last start), or null for now. */
export function nextStartAt(runs: readonly RunView[], partnerId: string, now: number): number | null {
  const last = runs.find((r) => r.partnerId === partnerId);
  if (!last) return null;
  const at = last.createdAt + COMFORT_RUN_WAIT_MS;
  return at > now ? at : null;
}
