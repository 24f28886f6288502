import { TextField } from '../../ui/field.tsx';
import type { FieldCheck } from './use-checks.ts';

interface Props {
  label: string;
  value: string;
  onValue: (value: string) => void;
  check: FieldCheck;
  hint?: string;
}

/** A PIN: digits on a phone's number pad, hidden as typed, never offered to a password manager. */
export function PinField({ label, value, onValue, check, hint }: Props) {
  return (
    <TextField
      label={label}
      type="password"
      inputMode="numeric"
      pattern="[0-9]*"
      autoComplete="off"
      maxLength={12}
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
