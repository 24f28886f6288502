/**
 * A gentle plan from a match (issue 13, item 3): the items both people are open to, as "try this"
 * suggestions paced from the least to the most intimate, each with its softer version. Pure: it
 * reads a match's items (both-yes or open) and the catalog, nothing else.
 *
 * Pacing is by the catalog's levels: one stage per level present in the match, so holding hands
 * comes before a massage and a massage before anything sexual. Within a stage, what both said yes
 * to comes first (the surest start), then catalog order.
 */
import type { PlacedComfortItem } from '../../../../shared/comfort.ts';

/** 'both-yes': both said yes; 'open': yes or maybe on both sides, not both yes. */
export type MatchTier = 'both-yes' | 'open';
/** The part of a match the plan reads (the contract's ComfortMatch has more). */
export interface MatchItems {
  items: Readonly<Record<string, MatchTier>>;
}

export interface Suggestion {
  item: PlacedComfortItem;
  tier: MatchTier;
}

export interface PlanStage {
  level: number;
  suggestions: Suggestion[];
}

/**
 * The plan's stages, lowest level first. Items the catalog no longer has (a match made with an
 * older catalog) are left out rather than guessed at.
 */
export function planFrom(match: MatchItems, catalog: readonly PlacedComfortItem[]): PlanStage[] {
  const order = new Map(catalog.map((item, i) => [item.id, i]));
  const suggestions: Suggestion[] = [];
  for (const item of catalog) {
    const tier = match.items[item.id];
    if (tier === 'both-yes' || tier === 'open') suggestions.push({ item, tier });
  }
  suggestions.sort(
    (a, b) => a.item.level - b.item.level || tierRank(a.tier) - tierRank(b.tier) || order.get(a.item.id)! - order.get(b.item.id)!,
  );
  const stages: PlanStage[] = [];
  for (const s of suggestions) {
    const last = stages.at(-1);
    if (last && last.level === s.item.level) last.suggestions.push(s);
    else stages.push({ level: s.item.level, suggestions: [s] });
  }
  return stages;
}

const tierRank = (tier: MatchTier): number => (tier === 'both-yes' ? 0 : 1);

/** The item ids of a match, for filters (the touch program uses only these). */
export function matchedIds(match: MatchItems | null): ReadonlySet<string> {
  if (!match) return new Set();
  return new Set(Object.entries(match.items).filter(([, tier]) => tier === 'both-yes' || tier === 'open').map(([id]) => id));
}
