import { ScreenTitle } from './screen-title.tsx';
import { t } from './messages.ts';

export default function NotFound() {
  return (
    <div class="screen">
      <ScreenTitle>{t('notFound.title')}</ScreenTitle>
      <p class="lead">{t('notFound.body')}</p>
      <div class="actions">
        <a class="button primary" href="/">
          {t('notFound.home')}
        </a>
      </div>
    </div>
  );
}
