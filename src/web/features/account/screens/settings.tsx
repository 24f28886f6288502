import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { AppLockSettings } from '../app-lock-settings.tsx';
import { ChangePasswordForm } from '../change-password-form.tsx';
import { DeleteAccountDialog } from '../delete-account-dialog.tsx';
import { readRecoveryReminder, recoveryUnconfirmed } from '../recovery-reminder.ts';
import { RenewRecoveryDialog } from '../renew-recovery-dialog.tsx';
import { SessionsList } from '../sessions-list.tsx';
import { accountActions } from '../session.ts';
import { me } from '../../../vault/status.ts';
import { MyNameForm } from '../../../spaces/components/my-name-form.tsx';
import { t } from '../messages.ts';

export default function Settings() {
  const { route } = useLocation();
  const [deleting, setDeleting] = useState(false);
  const [renewing, setRenewing] = useState(false);
  useEffect(() => void readRecoveryReminder(), []);

  async function signOut() {
    route('/', true);
    await accountActions.signOut();
  }

  return (
    <div class="screen settings">
      <ScreenTitle>{t('settings.title')}</ScreenTitle>
      {me.value && <p class="muted">{t('settings.signedInAs', { email: me.value.email })}</p>}

      <section aria-labelledby="profile-title" class="card stack">
        <h2 id="profile-title">{t('settings.profileTitle')}</h2>
        <MyNameForm />
      </section>

      <section id="recovery" aria-labelledby="recovery-title" class="card stack">
        <h2 id="recovery-title">{t('settings.recoveryTitle')}</h2>
        <p class="muted">{recoveryUnconfirmed.value ? t('settings.recoveryUnconfirmed') : t('settings.recoveryConfirmed')}</p>
        <div class="actions">
          <button type="button" class="button secondary" onClick={() => setRenewing(true)}>
            {t('settings.recoveryNew')}
          </button>
        </div>
      </section>

      <section aria-labelledby="security-title" class="card stack">
        <h2 id="security-title">{t('settings.securityTitle')}</h2>
        <p class="muted">{t('settings.securityIntro')}</p>
        <details class="disclosure">
          <summary>{t('settings.passwordTitle')}</summary>
          <ChangePasswordForm />
        </details>
      </section>

      <AppLockSettings />

      <section aria-labelledby="notifications-title" class="card stack">
        <h2 id="notifications-title">{t('settings.notificationsTitle')}</h2>
        <p class="muted">{t('settings.notificationsIntro')}</p>
        {/* Notifications are their own feature: Account links to its screen by address only. */}
        <p class="aside-link">
          <a href="/settings/notifications">{t('settings.notificationsLink')}</a>
        </p>
      </section>

      <section aria-labelledby="data-title" class="card stack">
        <h2 id="data-title">{t('settings.dataTitle')}</h2>
        <p class="muted">{t('settings.dataIntro')}</p>
        {/* Export and import are their own feature: Account links to its screen by address only. */}
        <p class="aside-link">
          <a href="/settings/data">{t('settings.dataLink')}</a>
        </p>
      </section>

      <section aria-labelledby="sessions-title" class="card stack">
        <h2 id="sessions-title">{t('settings.sessionsTitle')}</h2>
        <SessionsList />
      </section>

      <section aria-labelledby="lock-title" class="card stack">
        <h2 id="lock-title">{t('settings.lockTitle')}</h2>
        <p class="muted">{t('settings.lockHint')}</p>
        <div class="actions">
          <button type="button" class="button secondary" onClick={() => void accountActions.lock()}>
            {t('settings.lockNow')}
          </button>
        </div>
        <p class="muted">{t('settings.signOutHint')}</p>
        <div class="actions">
          <button type="button" class="button secondary" onClick={() => void signOut()}>
            {t('settings.signOut')}
          </button>
        </div>
      </section>

      <section aria-labelledby="delete-title" class="stack quiet-section">
        <h2 id="delete-title">{t('settings.deleteTitle')}</h2>
        <p class="muted">{t('settings.deleteIntro')}</p>
        <div class="actions">
          <button type="button" class="button secondary" onClick={() => setDeleting(true)}>
            {t('settings.deleteOpen')}
          </button>
        </div>
      </section>

      <DeleteAccountDialog open={deleting} onClose={() => setDeleting(false)} />
      <RenewRecoveryDialog open={renewing} onClose={() => setRenewing(false)} />
    </div>
  );
}
