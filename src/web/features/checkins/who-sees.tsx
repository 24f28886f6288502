import { checkinSettings } from './store.ts';
import { spaces } from '../../spaces/store.ts';
import { t } from './messages.ts';
import { sharedSpacesLine } from './sharing.ts';

/**
 * Who will see a check-in, said before it is made: in full before the first one (the default,
 * nothing shared), then as one line naming the spaces that receive the scores.
 */
export function WhoSees({ first }: { first: boolean }) {
  const settings = checkinSettings.value;
  const shared = sharedSpacesLine(spaces.value, settings.shareWith);
  return (
    <section class={first ? 'card who-sees first' : 'who-sees'} aria-labelledby={first ? 'who-sees-title' : undefined}>
      {first && <h2 id="who-sees-title">{t('checkin.firstTitle')}</h2>}
      {first && <p>{t('checkin.firstBody')}</p>}
      <p class={first ? undefined : 'muted'}>
        {shared ? t('checkin.whoShared', { spaces: shared }) : t('checkin.whoOnlyYou')}{' '}
        <a href="/checkins/settings">{t('checkin.whoChange')}</a>
      </p>
    </section>
  );
}
