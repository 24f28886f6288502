import { useState } from 'preact/hooks';
import { FormError } from '../../../ui/form-error.tsx';
import { announce } from '../../../ui/live-region.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { t } from '../messages.ts';
import { dailyActions } from './actions.ts';
import { DAILY_DEPTHS, type DailyDepth } from './draw.ts';
import { depthOf } from './use-day.ts';

/** How deep a space's questions go: light unless someone chooses otherwise; the deepest only when chosen. */
export function DepthChoice({ spaceId, alone }: { spaceId: string; alone: boolean }) {
  const saved = depthOf(spaceId);
  const [depth, setDepth] = useState<DailyDepth>(saved);
  const form = useFormSubmit({
    stays: true,
    action: async () => {
      await dailyActions.setDepth(spaceId, depth);
      announce(t('live.depthSaved'));
    },
  });
  return (
    <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
      <fieldset class="segmented" aria-describedby={`depth-hint-${spaceId}`}>
        <legend>{t('daily.depthLegend')}</legend>
        <p id={`depth-hint-${spaceId}`} class="field-hint">
          {alone ? t('daily.depthHintAlone') : t('daily.depthHint')}
        </p>
        <div class="segmented-options">
          {DAILY_DEPTHS.map((d) => (
            <label key={d} class="segmented-option">
              <input type="radio" name={`depth-${spaceId}`} value={d} checked={depth === d} onChange={() => setDepth(d)} />
              {t(`daily.depth.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormError error={form.error} onRetry={form.retry} />
      <div class="actions">
        <SubmitButton busy={form.busy} busyLabel={t('daily.depthBusy')} variant="secondary">
          {t('daily.depthSave')}
        </SubmitButton>
      </div>
    </form>
  );
}
