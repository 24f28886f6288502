import { PasswordField } from '../../ui/field.tsx';
import { t } from './messages.ts';
import type { FieldCheck } from './use-checks.ts';

interface Props {
  value: string;
  onValue: (value: string) => void;
  check: FieldCheck;
  label?: string;
  /** The account's email where it is not on screen, so password managers know whose password this is. */
  username?: string;
}

/** The password the account has now: to sign in, unlock, change it or delete the account. */
export function CurrentPasswordField({ value, onValue, check, label = t('field.password'), username }: Props) {
  return (
    <>
      {username !== undefined && <input type="email" autoComplete="username" value={username} hidden readOnly />}
      <PasswordField
        label={label}
        autoComplete="current-password"
        value={value}
        onValue={(v) => {
          onValue(v);
          check.clear();
        }}
        error={check.message}
      />
    </>
  );
}
