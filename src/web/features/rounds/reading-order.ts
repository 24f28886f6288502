/**
 * The order in which a revealed round is read together: item by item; within an item each
 * participant in turn, and who starts rotates from one item to the next, so nobody always goes
 * first (item 1: A, B, C; item 2: B, C, A; item 3: C, A, B; ...). Pure; `step` of a
 * ReadPosition indexes this list (steps past its end are the discussion prompts).
 */
export interface ReadingStep {
  itemId: string;
  userId: string;
}

export function readingOrder(itemIds: readonly string[], participantIds: readonly string[]): ReadingStep[] {
  const people = [...new Set(participantIds)];
  const n = people.length;
  const out: ReadingStep[] = [];
  if (n === 0) return out;
  itemIds.forEach((itemId, i) => {
    for (let j = 0; j < n; j++) out.push({ itemId, userId: people[(i + j) % n]! });
  });
  return out;
}
