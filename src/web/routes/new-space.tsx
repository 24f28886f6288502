import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { TextField } from '../components/field.tsx';
import { FormError } from '../components/form-error.tsx';
import { ScreenTitle } from '../components/screen-title.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { useFocusInvalid } from '../components/use-focus-invalid.ts';
import { describeError, type DescribedError } from '../features/errors/error-catalog.ts';
import { ProfileFields } from '../features/spaces/profile-fields.tsx';
import { actions } from '../state/actions.ts';
import { t } from '../i18n/t.ts';

export default function NewSpace() {
  const { route } = useLocation();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, focusInvalid } = useFocusInvalid();

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (!displayName.trim()) {
      setNameError(t('form.displayNameMissing'));
      focusInvalid();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { spaceId } = await actions.createSpace({ name: name.trim(), displayName: displayName.trim(), pronouns: pronouns.trim() });
      route(`/spaces/${spaceId}`, true);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <div class="screen">
      <ScreenTitle>{t('newSpace.title')}</ScreenTitle>
      <p class="lead">{t('newSpace.intro')}</p>
      <form ref={formRef} class="stack" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('field.spaceName')}
          hint={t('field.spaceNameHint')}
          autoComplete="off"
          maxLength={60}
          value={name}
          onValue={setName}
        />
        <ProfileFields
          displayName={displayName}
          pronouns={pronouns}
          onDisplayName={(v) => {
            setDisplayName(v);
            setNameError(null);
          }}
          onPronouns={setPronouns}
          displayNameError={nameError}
        />
        <p class="notice notice-info">
          <span class="lock-inline" aria-hidden="true" />
          {t('newSpace.privacy')}
        </p>
        <FormError error={error} onRetry={() => formRef.current?.requestSubmit()} />
        <div class="actions">
          <SubmitButton busy={busy} busyLabel={t('newSpace.busy')}>
            {t('newSpace.submit')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
