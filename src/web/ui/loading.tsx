import { ScreenTitle } from './screen-title.tsx';
import { t } from './messages.ts';

export function Loading() {
  return (
    <div class="screen loading-screen">
      <span class="brand-mark large" aria-hidden="true" />
      <ScreenTitle class="quiet-title">{t('app.loading')}</ScreenTitle>
    </div>
  );
}
