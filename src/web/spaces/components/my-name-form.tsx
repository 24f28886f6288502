import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { spaceActions } from '../actions.ts';
import { myDefaultProfile } from '../names.ts';
import { syncState } from '../../sync/status.ts';
import { t } from '../messages.ts';
import { ProfileFields } from './profile-fields.tsx';

const SAVED_SHOWN_MS = 4_000;

/** The name and pronouns I set once, for every shared place (Account's profile). */
export function MyNameForm() {
  const current = myDefaultProfile();
  const [displayName, setDisplayName] = useState(current?.displayName ?? '');
  const [pronouns, setPronouns] = useState(current?.pronouns ?? '');
  const [dirty, setDirty] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormSubmit({
    stays: true,
    check: () => {
      if (displayName.trim()) return true;
      setNameError(t('form.displayNameMissing'));
      return false;
    },
    action: async () => {
      await spaceActions.setMyName({ displayName, pronouns });
      const text = syncState.value.online ? t('live.saved') : t('live.savedOffline');
      setSaved(text);
      setDirty(false);
      announce(text);
    },
  });

  // The name can arrive after the screen opens (first sync): take it unless the person typed.
  useEffect(() => {
    if (dirty || !current) return;
    setDisplayName(current.displayName);
    setPronouns(current.pronouns);
  }, [current?.displayName, current?.pronouns]);

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(null), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  return (
    <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
      <p class="muted">{t('myName.intro')}</p>
      <ProfileFields
        scope="everywhere"
        displayName={displayName}
        pronouns={pronouns}
        onDisplayName={(v) => {
          setDisplayName(v);
          setDirty(true);
          setNameError(null);
          setSaved(null);
        }}
        onPronouns={(v) => {
          setPronouns(v);
          setDirty(true);
          setSaved(null);
        }}
        displayNameError={nameError}
      />
      <FormError error={form.error} onRetry={form.retry} />
      <div class="actions actions-inline">
        <SubmitButton busy={form.busy} busyLabel={t('myName.saving')}>
          {t('myName.save')}
        </SubmitButton>
        {saved && (
          <span class="saved-note" aria-hidden="true">
            ✓ {saved}
          </span>
        )}
      </div>
    </form>
  );
}
