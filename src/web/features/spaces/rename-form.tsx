import { useState } from 'preact/hooks';
import { announce } from '../../components/live-region.tsx';
import { FormError } from '../../components/form-error.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useFormSubmit } from '../../components/use-form-submit.ts';
import { actions } from '../../state/actions.ts';
import type { SpaceView } from '../../state/types.ts';
import { t } from '../../i18n/t.ts';
import { SpaceNameField } from './space-name-field.tsx';

/** The space's name, chosen by any member; encrypted like everything else in the space. */
export function RenameForm({ space }: { space: SpaceView }) {
  const [name, setName] = useState(space.name ?? '');
  const form = useFormSubmit({
    stays: true,
    action: async () => {
      await actions.setSpaceName(space.id, name);
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
