import { t } from './messages.ts';
import { localDay } from '../../platform/calendar.ts';
import { myCheckins } from './store.ts';

/** The daily check-in, offered, never insisted on: no streak, no count, no reminder of a missed day. */
export default function CheckinCard() {
  const today = localDay();
  const done = myCheckins.value.some((c) => localDay(c.checkin.at) === today);
  return (
    <section aria-labelledby="checkin-title" class="card stack checkin-card">
      <h2 id="checkin-title">{t('home.checkinTitle')}</h2>
      <p>{done ? t('home.checkinDone') : t('home.checkinBody')}</p>
      <div class="actions actions-row">
        <a class="button primary" href="/checkin">
          {t('closeness.checkIn')}
        </a>
        <a class="button secondary" href="/closeness">
          {t('checkin.seeLines')}
        </a>
      </div>
    </section>
  );
}
