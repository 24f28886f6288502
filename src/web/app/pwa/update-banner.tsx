import { t } from '../messages.ts';
import { applyUpdate, dismissUpdate, updateReady } from './register.ts';

/** A quiet note when a new version is ready; the person chooses when to reload. */
export function UpdateBanner() {
  if (!updateReady.value) return null;
  return (
    <section class="update-banner" aria-labelledby="update-ready">
      <p id="update-ready">{t('update.ready')}</p>
      <div class="actions-row">
        <button type="button" class="button primary small" onClick={applyUpdate}>
          {t('update.reload')}
        </button>
        <button type="button" class="button quiet small" onClick={dismissUpdate}>
          {t('update.later')}
        </button>
      </div>
    </section>
  );
}
