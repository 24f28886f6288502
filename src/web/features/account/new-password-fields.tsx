import { useEffect, useState } from 'preact/hooks';
import { loadOnce } from '../../platform/lazy.ts';
import { PasswordField } from '../../ui/field.tsx';
import { t } from './messages.ts';
import { MIN_PASSWORD_CHARS, assessPassword, personalWords } from './password-guidance.ts';

type Estimator = typeof import('./password-strength.ts').guessScore;

/** zxcvbn and its dictionaries load with the first screen that asks for a new password. */
const loadEstimator = loadOnce(() => import('./password-strength.ts').then((m) => m.guessScore));

/** The estimator, once loaded (until then the guidance shows the hint only). */
function useEstimator(): Estimator | null {
  const [estimator, setEstimator] = useState<Estimator | null>(null);
  useEffect(() => {
    let live = true;
    loadEstimator()
      .then((fn) => live && setEstimator(() => fn))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return estimator;
}
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
 * A new password with gentle guidance: a passphrase suggestion, how hard it is to guess (zxcvbn),
 * and a warning (never a block) for one that is easy to guess; then the confirmation.
 * Editing the password also clears the confirmation's message: the mismatch it reported may be gone.
 */
export function NewPasswordFields({ value, email, checks, wording = 'plain', onPasswordEdit }: Props) {
  const estimate = useEstimator();
  const a = estimate ? assessPassword(value.password, { ...(email ? { email } : {}), guessScore: estimate(value.password, personalWords(email)) }) : null;
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
          !a || a.level === 'empty' ? null : (
            <div class="strength">
              <div class={`strength-bar strength-${a.level}`} aria-hidden="true">
                {[1, 2, 3, 4, 5].map((n) => (
                  <span key={n} class={n <= a.score ? 'on' : undefined} />
                ))}
              </div>
              <p class="strength-text">{t('password.strengthLabel', { level: t(`password.level.${a.level}`) })}</p>
              {a.easyToGuess && a.meetsMinimum && <p class="notice notice-warn small">{t('password.easyToGuess')}</p>}
              {!a.easyToGuess && a.containsEmail && <p class="notice notice-warn small">{t('password.containsEmail')}</p>}
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
