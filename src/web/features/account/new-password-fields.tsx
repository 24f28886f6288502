import { PasswordField } from '../../components/field.tsx';
import { t, type MessageKey } from '../../i18n/t.ts';
import { MIN_PASSWORD_CHARS, assessPassword } from './password-guidance.ts';

interface Props {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  /** To notice a password that contains the email address. */
  email?: string;
  errors: { password: MessageKey | null; confirm: MessageKey | null };
  /** 'new' labels the fields "New password" / "Confirm new password". */
  wording?: 'plain' | 'new';
}

/** Catalog text for a form-check key (every check shares the same parameters). */
export function checkMessage(key: MessageKey | null): string | null {
  return key ? t(key, { min: MIN_PASSWORD_CHARS }) : null;
}

/**
 * A new password with gentle guidance: a passphrase suggestion, a strength hint that grows with
 * length, and a warning (never a block) for very common passwords; then the confirmation.
 */
export function NewPasswordFields({ password, confirm, onPassword, onConfirm, email, errors, wording = 'plain' }: Props) {
  const a = assessPassword(password, { email });
  return (
    <>
      <PasswordField
        label={wording === 'new' ? t('field.newPassword') : t('field.password')}
        value={password}
        onValue={onPassword}
        autoComplete="new-password"
        hint={t('password.hint', { min: MIN_PASSWORD_CHARS })}
        error={checkMessage(errors.password)}
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
        value={confirm}
        onValue={onConfirm}
        autoComplete="new-password"
        error={checkMessage(errors.confirm)}
      />
    </>
  );
}
