import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { spaceActions } from '../actions.ts';
import { syncState } from '../../sync/status.ts';
import type { SpaceView } from '../types.ts';
import { t } from '../messages.ts';
import { ProfileFields } from './profile-fields.tsx';

const SAVED_SHOWN_MS = 4_000;

/** My name and pronouns in this space. Saved offline-first: works without a connection. */
export function ProfileForm({ space }: { space: SpaceView }) {
  const [displayName, setDisplayName] = useState(space.myProfile?.displayName ?? '');
  const [pronouns, setPronouns] = useState(space.myProfile?.pronouns ?? '');
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
      await spaceActions.setProfile(space.id, { displayName, pronouns });
      const text = syncState.value.online ? t('live.saved') : t('live.savedOffline');
      setSaved(text);
      setDirty(false);
      announce(text);
    },
  });

  // The profile can arrive after the screen opens (first sync): take it unless the person typed.
  useEffect(() => {
    if (dirty || !space.myProfile) return;
    setDisplayName(space.myProfile.displayName);
    setPronouns(space.myProfile.pronouns);
  }, [space.myProfile?.displayName, space.myProfile?.pronouns]);

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(null), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  return (
    <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
      <ProfileFields
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
      <p class="muted small">{t('space.profileWho')}</p>
      <FormError error={form.error} onRetry={form.retry} />
      <div class="actions actions-inline">
        <SubmitButton busy={form.busy} busyLabel={t('space.profileSaving')}>
          {t('space.profileSave')}
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
