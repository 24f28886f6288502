/**
 * The rounds actions the screens call (RoundActions in ../state/rounds-store.ts). A thin facade,
 * like ../state/actions.ts: the engine, the exercise content and the round crypto load only when
 * an action needs them (or a screen first reads a rounds signal), so the first screen stays small.
 */
import type { RoundActions } from '../state/rounds-store.ts';

let loading: Promise<RoundActions> | null = null;

function load(): Promise<RoundActions> {
  loading ??= import('./engine.ts')
    .then((m) => {
      m.activate();
      return m.roundActionsImpl;
    })
    .catch((error: unknown) => {
      loading = null; // a failed chunk load (offline) may succeed later
      throw error;
    });
  return loading;
}

function lazy<K extends keyof RoundActions>(name: K): RoundActions[K] {
  return (async (...args: unknown[]) => {
    const impl = await load();
    return (impl[name] as (...a: unknown[]) => unknown)(...args);
  }) as RoundActions[K];
}

/** Loads the engine and starts keeping the rounds signals up to date (idempotent). */
export async function activateRounds(): Promise<void> {
  await load().catch((error: unknown) => console.warn('rounds did not load', (error as Error).message));
}

export const roundActions: RoundActions = {
  startRound: lazy('startRound'),
  loadDraft: lazy('loadDraft'),
  saveDraft: lazy('saveDraft'),
  clearDraft: lazy('clearDraft'),
  sealAnswers: lazy('sealAnswers'),
  withdrawRound: lazy('withdrawRound'),
  openRevealed: lazy('openRevealed'),
  addFollowUpNote: lazy('addFollowUpNote'),
  deleteFollowUpNote: lazy('deleteFollowUpNote'),
  setReadPosition: lazy('setReadPosition'),
  saveReflection: lazy('saveReflection'),
};
