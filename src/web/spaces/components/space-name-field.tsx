import { TextField } from '../../ui/field.tsx';
import { t } from '../messages.ts';

/** The space's name, chosen by any member. */
export function SpaceNameField({ value, onValue }: { value: string; onValue: (value: string) => void }) {
  return (
    <TextField
      label={t('field.spaceName')}
      hint={t('field.spaceNameHint')}
      autoComplete="off"
      maxLength={60}
      value={value}
      onValue={onValue}
    />
  );
}
