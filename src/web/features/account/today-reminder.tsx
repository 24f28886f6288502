import { t } from './messages.ts';
import { readRecoveryReminder, recoveryUnconfirmed } from './recovery-reminder.ts';

/** Read before Today shows, so the card is there from the start (nothing moves). */
export const ready = readRecoveryReminder;

/** A calm reminder, only while a recovery code shown on this device waits for its confirmation. */
export default function RecoveryReminder() {
  if (!recoveryUnconfirmed.value) return null;
  return (
    <section aria-labelledby="recovery-reminder-title" class="card stack">
      <h2 id="recovery-reminder-title">{t('recoveryReminder.title')}</h2>
      <p>{t('recoveryReminder.body')}</p>
      <div class="actions">
        <a class="button secondary" href="/settings#recovery">
          {t('recoveryReminder.action')}
        </a>
      </div>
    </section>
  );
}
