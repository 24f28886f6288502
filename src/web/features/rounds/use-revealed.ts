import { useEffect, useState } from 'preact/hooks';
import { roundActions } from './actions.ts';
import type { RevealedRound, RoundView } from './types.ts';

export type RevealedState = { kind: 'loading' } | { kind: 'ready'; data: RevealedRound } | { kind: 'failed' };

/**
 * Every participant's verified answers, once revealed (notes come live from roundNotes). Opened
 * again when the round's view changes, and on `reload()`.
 */
export function useRevealed(round: RoundView | null): { state: RevealedState; reload: () => void } {
  const [state, setState] = useState<RevealedState>({ kind: 'loading' });
  const [tick, setTick] = useState(0);
  const revealed = round?.status === 'revealed';
  const spaceId = round?.spaceId;
  const roundId = round?.id;
  // Keyed on the round's identity, not the object: every sync publishes a new RoundView, and
  // opening a round can itself sync, so depending on the object would reopen it forever.
  useEffect(() => {
    if (!spaceId || !roundId || !revealed) return;
    let live = true;
    roundActions
      .openRevealed(spaceId, roundId)
      .then((data) => live && setState({ kind: 'ready', data }))
      .catch(() => live && setState((prev) => (prev.kind === 'ready' ? prev : { kind: 'failed' })));
    return () => {
      live = false;
    };
  }, [spaceId, roundId, revealed, tick]);
  return { state, reload: () => setTick((n) => n + 1) };
}
