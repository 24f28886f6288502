import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { PasswordField } from '../../components/field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { Modal } from '../../components/modal.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { describeError, type DescribedError } from '../errors/error-catalog.ts';
import { actions } from '../../state/actions.ts';
import { me } from '../../state/store.ts';
import { t } from '../../i18n/t.ts';

/** Deleting the account: says exactly what goes and what stays, and asks for the password. */
export function DeleteAccountDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onClose={onClose} title={t('delete.title')} role="alertdialog">
      <DeleteAccountForm onClose={onClose} />
    </Modal>
  );
}

function DeleteAccountForm({ onClose }: { onClose: () => void }) {
  const { route } = useLocation();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (!password) {
      setFieldError(t('form.passwordMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await actions.deleteAccount(password);
      route('/', true);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  }

  return (
    <form class="stack" noValidate onSubmit={onSubmit}>
      <p>{t('delete.what')}</p>
      <ul class="explain-list">
        <li>{t('delete.item.account')}</li>
        <li>{t('delete.item.personal')}</li>
        <li>{t('delete.item.memberships')}</li>
        <li>{t('delete.item.sessions')}</li>
      </ul>
      <p>{t('delete.stays')}</p>
      <p>
        <strong>{t('delete.undo')}</strong>
      </p>
      <input type="email" autoComplete="username" value={me.value?.email ?? ''} hidden readOnly />
      <PasswordField
        label={t('delete.passwordLabel')}
        autoComplete="current-password"
        value={password}
        onValue={(v) => {
          setPassword(v);
          setFieldError(null);
        }}
        error={fieldError}
      />
      <FormError error={error} />
      <div class="actions">
        <button type="button" class="button secondary" onClick={onClose}>
          {t('delete.cancel')}
        </button>
        <SubmitButton busy={busy} busyLabel={t('delete.busy')} variant="danger">
          {t('delete.confirm')}
        </SubmitButton>
      </div>
    </form>
  );
}
