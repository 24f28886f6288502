import { TextField } from '../../ui/field.tsx';
import { t } from './messages.ts';
import type { FieldCheck } from './use-checks.ts';

interface Props {
  value: string;
  onValue: (value: string) => void;
  check: FieldCheck;
  /** 'email' for a new account; 'username' where it names an existing one, so password managers fill it. */
  autoComplete: 'email' | 'username';
  hint?: string;
}

/** The account's email address, with the keyboard and spelling settings an address wants. */
export function EmailField({ value, onValue, check, autoComplete, hint }: Props) {
  return (
    <TextField
      label={t('field.email')}
      type="email"
      autoComplete={autoComplete}
      inputMode="email"
      autoCapitalize="off"
      spellcheck={false}
      hint={hint}
      value={value}
      onValue={(v) => {
        onValue(v);
        check.clear();
      }}
      error={check.message}
    />
  );
}
