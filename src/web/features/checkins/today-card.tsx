import { t } from './messages.ts';
import { localDay } from '../../platform/calendar.ts';
import { whenTrue } from '../../platform/signal-true.ts';
import { checkinsReady, myCheckins, partnerCheckins } from './store.ts';
import { partnersToday, type PartnerToday } from './partner-today.ts';

/** A partner's check-in of today, as they shared it: their two scores, a note if they shared one. */
function PartnerCheckinCard({ partner }: { partner: PartnerToday }) {
  const id = `partner-checkin-${partner.userId}`;
  const { emotional, physical, note } = partner.checkin;
  return (
    <section aria-labelledby={id} class="card stack partner-checkin">
      <h2 id={id}>{t('home.partnerCheckedIn', { name: partner.name })}</h2>
      <p>{t('home.partnerScores', { emotional, physical })}</p>
      {note !== undefined && <p>{t('home.partnerNote', { name: partner.name, note })}</p>}
      <p class="aside-link">
        <a href={`/closeness?with=${encodeURIComponent(partner.userId)}`}>{t('home.partnerLines', { name: partner.name })}</a>
      </p>
    </section>
  );
}

/** Today shows its parts once the check-ins are read (platform/feature.ts). */
export const ready = () => whenTrue(checkinsReady);

/**
 * Today's check-in part: first the people (a partner who checked in today and shares it with me),
 * then the daily check-in, offered, never insisted on: no streak, no count, no reminder of a
 * missed day, no badge.
 */
export default function CheckinCard() {
  const today = localDay();
  const done = myCheckins.value.some((c) => localDay(c.checkin.at) === today);
  const partners = partnersToday(partnerCheckins.value, today);
  return (
    <>
      {partners.map((p) => (
        <PartnerCheckinCard key={p.userId} partner={p} />
      ))}
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
    </>
  );
}
