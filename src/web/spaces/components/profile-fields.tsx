import { TextField } from '../../ui/field.tsx';
import { t } from '../messages.ts';

interface Props {
  displayName: string;
  pronouns: string;
  onDisplayName: (value: string) => void;
  onPronouns: (value: string) => void;
  displayNameError?: string | null;
  /** 'everywhere': the name I set once, for every place (sign-up, Account); 'here': this place only. */
  scope?: 'here' | 'everywhere';
  /** At sign-up the name can wait until the first shared place. */
  optional?: boolean;
}

/** Name and pronouns as the others in a space see them; pronouns are free text, never a list. */
export function ProfileFields({ displayName, pronouns, onDisplayName, onPronouns, displayNameError, scope = 'here', optional = false }: Props) {
  return (
    <>
      <TextField
        label={scope === 'here' ? t('field.displayName') : optional ? t('field.myNameOptional') : t('field.myName')}
        hint={scope === 'here' ? t('field.displayNameHint') : t('field.myNameHint')}
        autoComplete="nickname"
        maxLength={60}
        value={displayName}
        onValue={onDisplayName}
        error={displayNameError}
      />
      <TextField
        label={scope === 'here' ? t('field.pronouns') : t('field.myPronouns')}
        hint={t('field.pronounsHint')}
        autoComplete="off"
        maxLength={40}
        value={pronouns}
        onValue={onPronouns}
      />
    </>
  );
}
