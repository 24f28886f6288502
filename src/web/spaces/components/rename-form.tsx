import { useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { spaceActions } from '../actions.ts';
import type { SpaceView } from '../types.ts';
import { t } from '../messages.ts';
import { SpaceNameField } from './space-name-field.tsx';

/** The space's name, chosen by any member; encrypted like everything else in the space. */
export function RenameForm({ space }: { space: SpaceView }) {
  const [name, setName] = useState(space.name ?? '');
  const form = useFormSubmit({
    stays: true,
    action: async () => {
      await spaceActions.setSpaceName(space.id, name);
      announce(t('live.nameSaved'));
    },
  });

  return (
    <details class="card details-card">
      <summary>{t('space.renameSummary')}</summary>
      <form class="stack" noValidate onSubmit={form.onSubmit}>
        <SpaceNameField value={name} onValue={setName} />
        <FormError error={form.error} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel={t('space.profileSaving')} variant="secondary">
            {t('space.renameSave')}
          </SubmitButton>
        </div>
      </form>
    </details>
  );
}
