import { t } from './messages.ts';

/** To recovery, for someone who no longer knows their password. */
export function ForgotPasswordLink() {
  return (
    <p>
      <a href="/recover">{t('signIn.forgot')}</a>
    </p>
  );
}
