import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { FormError } from '../components/form-error.tsx';
import { ScreenTitle } from '../components/screen-title.tsx';
import { SubmitButton } from '../components/submit-button.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { ProfileFields } from '../features/spaces/profile-fields.tsx';
import { SpaceNameField } from '../features/spaces/space-name-field.tsx';
import { actions } from '../state/actions.ts';
import { t } from '../i18n/t.ts';

export default function NewSpace() {
  const { route } = useLocation();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const form = useFormSubmit({
    check: () => {
      if (displayName.trim()) return true;
      setNameError(t('form.displayNameMissing'));
      return false;
    },
    action: async () => {
      const { spaceId } = await actions.createSpace({ name: name.trim(), displayName: displayName.trim(), pronouns: pronouns.trim() });
      route(`/spaces/${spaceId}`, true);
    },
  });

  return (
    <div class="screen">
      <ScreenTitle>{t('newSpace.title')}</ScreenTitle>
      <p class="lead">{t('newSpace.intro')}</p>
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        <SpaceNameField value={name} onValue={setName} />
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
        <FormError error={form.error} onRetry={form.retry} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel={t('newSpace.busy')}>
            {t('newSpace.submit')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
