/**
 * The rounds actions the screens call (RoundActions in ../state/rounds-store.ts): the engine, the
 * exercise content and the round crypto load only when an action needs them (or a screen first
 * reads a rounds signal), so the first screen stays small.
 */
import { lazyActions, loadOnce } from '../lib/lazy.ts';
import type { RoundActions } from '../state/rounds-store.ts';

const load = loadOnce(() =>
  import('./engine.ts').then((m) => {
    m.activate();
    return m.roundActionsImpl;
  }),
);

/** Loads the engine and starts keeping the rounds signals up to date (idempotent). */
export async function activateRounds(): Promise<void> {
  await load().catch((error: unknown) => console.warn('rounds did not load', (error as Error).message));
}

export const roundActions = lazyActions<RoundActions>(load, {
  startRound: true,
  loadDraft: true,
  saveDraft: true,
  clearDraft: true,
  sealAnswers: true,
  withdrawRound: true,
  openRevealed: true,
  addFollowUpNote: true,
  deleteFollowUpNote: true,
  setReadPosition: true,
  saveReflection: true,
});
