import { TextField } from '../../ui/field.tsx';
import { t } from '../messages.ts';

interface Props {
  displayName: string;
  pronouns: string;
  onDisplayName: (value: string) => void;
  onPronouns: (value: string) => void;
  displayNameError?: string | null;
}

/** Name and pronouns as the others in a space see them; pronouns are free text, never a list. */
export function ProfileFields({ displayName, pronouns, onDisplayName, onPronouns, displayNameError }: Props) {
  return (
    <>
      <TextField
        label={t('field.displayName')}
        hint={t('field.displayNameHint')}
        autoComplete="nickname"
        maxLength={60}
        value={displayName}
        onValue={onDisplayName}
        error={displayNameError}
      />
      <TextField
        label={t('field.pronouns')}
        hint={t('field.pronounsHint')}
        autoComplete="off"
        maxLength={40}
        value={pronouns}
        onValue={onPronouns}
      />
    </>
  );
}
