import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { FormError } from '../../ui/form-error.tsx';
import { ScreenTitle } from '../../ui/screen-title.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { ProfileFields } from '../components/profile-fields.tsx';
import { SpaceNameField } from '../components/space-name-field.tsx';
import { spaceActions } from '../actions.ts';
import { myDefaultProfile } from '../names.ts';
import { t } from '../messages.ts';

export default function NewSpace() {
  const { route } = useLocation();
  // Someone who set their name once is not asked again: the place uses it.
  const [known] = useState(() => myDefaultProfile());
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const form = useFormSubmit({
    check: () => {
      if (known || displayName.trim()) return true;
      setNameError(t('form.displayNameMissing'));
      return false;
    },
    action: async () => {
      const { spaceId } = await spaceActions.createSpace({ name: name.trim(), displayName: displayName.trim(), pronouns: pronouns.trim() });
      // Straight to sharing: the place's screen leads with this link until someone joins. If it
      // cannot be made now (offline), that screen offers to make one.
      await spaceActions.createInvite(spaceId).catch(() => undefined);
      route(`/spaces/${spaceId}`, true);
    },
  });

  return (
    <div class="screen">
      <ScreenTitle>{t('newSpace.title')}</ScreenTitle>
      <p class="lead">{t('newSpace.intro')}</p>
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        <SpaceNameField value={name} onValue={setName} />
        {known ? (
          <p class="muted">{t('newSpace.youAppearAs', { name: known.displayName })}</p>
        ) : (
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
        )}
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
