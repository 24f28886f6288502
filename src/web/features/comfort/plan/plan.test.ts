import { describe, expect, it } from 'vitest';
import { comfortItems } from '../../../../../content/comfort.ts';
import { matchedIds, planFrom, type MatchItems } from './plan.ts';

const catalog = comfortItems();
const match = (items: MatchItems['items']): MatchItems => ({ items });

describe('the plan from a match', () => {
  it('orders suggestions from the least to the most intimate, in one stage per level', () => {
    const plan = planFrom(match({ 'oral-sex': 'both-yes', 'holding-hands': 'open', 'back-massage': 'both-yes', 'slow-kiss': 'open' }), catalog);
    expect(plan.map((s) => s.level)).toEqual([1, 2, 3, 5]);
    expect(plan.flatMap((s) => s.suggestions.map((x) => x.item.id))).toEqual(['holding-hands', 'back-massage', 'slow-kiss', 'oral-sex']);
  });

  it('within a level, puts what both said yes to first, then keeps catalog order', () => {
    const [stage] = planFrom(match({ 'sitting-close': 'open', 'holding-hands': 'open', 'spooning': 'both-yes' }), catalog);
    expect(stage!.suggestions.map((s) => [s.item.id, s.tier])).toEqual([
      ['spooning', 'both-yes'],
      ['sitting-close', 'open'],
      ['holding-hands', 'open'],
    ]);
  });

  it('carries each item’s softer version and leaves out items the catalog does not know', () => {
    const plan = planFrom(match({ 'holding-hands': 'open', 'an-item-from-a-newer-catalog': 'both-yes' }), catalog);
    expect(plan).toHaveLength(1);
    expect(plan[0]!.suggestions[0]!.item.softer).toBe("Resting one hand on top of the other's hand for a moment.");
  });

  it('is empty for an empty match, and shows nothing a match did not name', () => {
    expect(planFrom(match({}), catalog)).toEqual([]);
    const ids = planFrom(match({ 'kiss-hello': 'open' }), catalog).flatMap((s) => s.suggestions.map((x) => x.item.id));
    expect(ids).toEqual(['kiss-hello']);
  });

  it('reads only the two tiers a match has (anything else is not a match)', () => {
    const odd = { items: { 'holding-hands': 'maybe', 'spooning': 'open' } } as unknown as MatchItems;
    expect(planFrom(odd, catalog).flatMap((s) => s.suggestions.map((x) => x.item.id))).toEqual(['spooning']);
    expect([...matchedIds(odd)]).toEqual(['spooning']);
    expect(matchedIds(null).size).toBe(0);
  });
});
