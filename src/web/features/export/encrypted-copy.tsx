import { useState } from 'preact/hooks';
import { PasswordField } from '../../ui/field.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFocusInvalid } from '../../ui/use-focus-invalid.ts';
import { exportActions } from './actions.ts';
import { downloadBytes } from './download.ts';
import { exportErrorText } from './errors.ts';
import { t } from './messages.ts';

/** A passphrase has no recovery: long enough that guessing it is slow even offline. */
export const MIN_PASSPHRASE_CHARS = 10;

/** "A copy to move to another account": a passphrase, twice, then the encrypted file. */
export function EncryptedCopy() {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const { formRef, focusInvalid } = useFocusInvalid();
  const shortError = checked && passphrase.length < MIN_PASSPHRASE_CHARS ? t('data.passphraseShort') : null;
  const mismatchError = checked && !shortError && again !== passphrase ? t('data.passphraseMismatch') : null;

  async function onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (busy) return;
    setChecked(true);
    if (passphrase.length < MIN_PASSPHRASE_CHARS || again !== passphrase) {
      focusInvalid();
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const file = await exportActions.encryptedCopy(passphrase);
      downloadBytes(file.name, file.bytes, file.type);
      setOutcome({ ok: true, text: t('data.encryptedDone') });
    } catch (error) {
      setOutcome({ ok: false, text: exportErrorText(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="encrypted-title" class="card stack">
      <h2 id="encrypted-title">{t('data.encryptedTitle')}</h2>
      <p>{t('data.encryptedBody')}</p>
      <form ref={formRef} class="stack" noValidate onSubmit={(e) => void onSubmit(e)}>
        <PasswordField
          label={t('data.passphrase')}
          hint={t('data.passphraseHint')}
          value={passphrase}
          onValue={setPassphrase}
          error={shortError}
          autoComplete="new-password"
        />
        <PasswordField label={t('data.passphraseAgain')} value={again} onValue={setAgain} error={mismatchError} autoComplete="new-password" />
        <div class="actions">
          <SubmitButton busy={busy} busyLabel={t('data.working')}>
            {t('data.encryptedButton')}
          </SubmitButton>
        </div>
        {outcome && (
          <p class={outcome.ok ? 'notice notice-info' : 'notice notice-error'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </p>
        )}
      </form>
    </section>
  );
}
