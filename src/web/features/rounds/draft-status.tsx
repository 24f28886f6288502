import { t } from './messages.ts';

export type DraftState = 'idle' | 'saving' | 'saved' | 'failed';

/** "Saved on this device" and its kin, under the answers. */
export function DraftStatus({ draft }: { draft: DraftState }) {
  return (
    <p class={`draft-status draft-${draft}`}>
      {draft === 'saving' && t('exercise.draftSaving')}
      {draft === 'saved' && t('exercise.draftSaved')}
      {draft === 'failed' && t('exercise.draftFailed')}
      {draft === 'idle' && t('exercise.draftHint')}
    </p>
  );
}
