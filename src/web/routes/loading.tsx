import { ScreenTitle } from '../components/screen-title.tsx';
import { t } from '../i18n/t.ts';

export function Loading() {
  return (
    <div class="screen loading-screen">
      <span class="brand-mark large" aria-hidden="true" />
      <ScreenTitle class="quiet-title">{t('app.loading')}</ScreenTitle>
    </div>
  );
}
