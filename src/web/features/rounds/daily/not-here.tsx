import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { t } from '../messages.ts';

/** A space that is not mine (or not yet: still waiting to be admitted). */
export function NotHere() {
  return (
    <div class="screen">
      <ScreenTitle>{t('daily.notHereTitle')}</ScreenTitle>
      <p>{t('daily.notHereBody')}</p>
      <div class="actions">
        <a class="button primary" href="/">
          {t('daily.backToday')}
        </a>
      </div>
    </div>
  );
}
