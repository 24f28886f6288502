import { useState } from 'preact/hooks';
import { FormError } from '../../ui/form-error.tsx';
import { Modal } from '../../ui/modal.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { me } from '../../vault/status.ts';
import { CurrentPasswordField } from './current-password-field.tsx';
import { t } from './messages.ts';
import { showRecoveryCode } from './recovery-reminder.ts';
import { accountActions } from './session.ts';
import { useChecks } from './use-checks.ts';
import { checkPasswordPresent } from './validate.ts';

/** A new recovery code, with the password; the code screen follows (shown once, confirmed). */
export function RenewRecoveryDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onClose={onClose} title={t('renewRecovery.title')}>
      <RenewRecoveryForm onClose={onClose} />
    </Modal>
  );
}

function RenewRecoveryForm({ onClose }: { onClose: () => void }) {
  const [password, setPassword] = useState('');
  const checks = useChecks(['password']);
  const form = useFormSubmit({
    check: () => checks.show({ password: checkPasswordPresent(password) }),
    action: async () => {
      const { recoveryCode } = await accountActions.renewRecoveryCode(password);
      await showRecoveryCode(recoveryCode, '/settings');
    },
  });
  return (
    <form class="stack" noValidate onSubmit={form.onSubmit}>
      <p>{t('renewRecovery.body')}</p>
      <CurrentPasswordField
        label={t('renewRecovery.passwordLabel')}
        username={me.value?.email ?? ''}
        value={password}
        onValue={setPassword}
        check={checks.field('password')}
      />
      <FormError error={form.error} />
      <div class="actions">
        <button type="button" class="button secondary" onClick={onClose}>
          {t('renewRecovery.cancel')}
        </button>
        <SubmitButton busy={form.busy} busyLabel={t('renewRecovery.busy')}>
          {t('renewRecovery.confirm')}
        </SubmitButton>
      </div>
    </form>
  );
}
