import { useState } from 'preact/hooks';
import { TextField } from '../../components/field.tsx';
import { announce } from '../../components/live-region.tsx';
import { FormError } from '../../components/form-error.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { describeError, type DescribedError } from '../errors/error-catalog.ts';
import { actions } from '../../state/actions.ts';
import type { SpaceView } from '../../state/types.ts';
import { t } from '../../i18n/t.ts';

/** The space's name, chosen by any member; encrypted like everything else in the space. */
export function RenameForm({ space }: { space: SpaceView }) {
  const [name, setName] = useState(space.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DescribedError | null>(null);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await actions.setSpaceName(space.id, name);
      announce(t('live.nameSaved'));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="card details-card">
      <summary>{t('space.renameSummary')}</summary>
      <form class="stack" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('field.spaceName')}
          hint={t('field.spaceNameHint')}
          autoComplete="off"
          maxLength={60}
          value={name}
          onValue={setName}
        />
        <FormError error={error} />
        <div class="actions">
          <SubmitButton busy={busy} busyLabel={t('space.profileSaving')} variant="secondary">
            {t('space.renameSave')}
          </SubmitButton>
        </div>
      </form>
    </details>
  );
}
