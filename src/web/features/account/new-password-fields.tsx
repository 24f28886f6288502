import { useState } from 'preact/hooks';
import { PasswordField } from '../../ui/field.tsx';
import { t } from './messages.ts';
import { MIN_PASSWORD_CHARS, assessPassword } from './password-guidance.ts';
import type { FormChecks } from './use-checks.ts';

/** The new password and its confirmation, as NewPasswordFields edits them. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  return {
    password,
    confirm,
    setPassword,
    setConfirm,
    reset: () => {
      setPassword('');
      setConfirm('');
    },
  };
}

interface Props {
  value: ReturnType<typeof useNewPassword>;
  /** To notice a password that contains the email address. */
  email?: string;
  checks: FormChecks<'password' | 'confirm'>;
  /** 'new' labels the fields "New password" / "Confirm new password". */
  wording?: 'plain' | 'new';
  /** Called when the new password (not its confirmation) is edited. */
  onPasswordEdit?: () => void;
}

/**
 * A new password with gentle guidance: a passphrase suggestion, a strength hint that grows with
 * length, and a warning (never a block) for very common passwords; then the confirmation.
 * Editing the password also clears the confirmation's message: the mismatch it reported may be gone.
 */
export function NewPasswordFields({ value, email, checks, wording = 'plain', onPasswordEdit }: Props) {
  const a = assessPassword(value.password, { email });
  const passwordCheck = checks.field('password');
  const confirmCheck = checks.field('confirm');
  return (
    <>
      <PasswordField
        label={wording === 'new' ? t('field.newPassword') : t('field.password')}
        value={value.password}
        onValue={(v) => {
          value.setPassword(v);
          onPasswordEdit?.();
          passwordCheck.clear();
          confirmCheck.clear();
        }}
        autoComplete="new-password"
        hint={t('password.hint', { min: MIN_PASSWORD_CHARS })}
        error={passwordCheck.message}
        after={() =>
          a.level === 'empty' ? null : (
            <div class="strength">
              <div class={`strength-bar strength-${a.level}`} aria-hidden="true">
                {[1, 2, 3, 4, 5].map((n) => (
                  <span key={n} class={n <= a.score ? 'on' : undefined} />
                ))}
              </div>
              <p class="strength-text">{t('password.strengthLabel', { level: t(`password.level.${a.level}`) })}</p>
              {a.isCommon && <p class="notice notice-warn small">{t('password.common')}</p>}
              {!a.isCommon && a.containsEmail && <p class="notice notice-warn small">{t('password.containsEmail')}</p>}
            </div>
          )
        }
      />
      <PasswordField
        label={wording === 'new' ? t('field.confirmNewPassword') : t('field.confirmPassword')}
        value={value.confirm}
        onValue={(v) => {
          value.setConfirm(v);
          confirmCheck.clear();
        }}
        autoComplete="new-password"
        error={confirmCheck.message}
      />
    </>
  );
}
