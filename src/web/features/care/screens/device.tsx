import { useId } from 'preact/hooks';
import { discreetTitle, setDiscreetTitle } from '../../../platform/doc-title.ts';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { authStatus } from '../../../vault/status.ts';
import { t } from '../messages.ts';
import { BackToHelp } from './help-links.tsx';
import '../care.css';

/** Discretion on this device: the tab's title (kept on the device), and where quick exit, notifications and the lock are. */
export default function Device() {
  const id = useId();
  const discreet = t('device.discreetTitle');
  return (
    <div class="screen help">
      <BackToHelp />
      <ScreenTitle>{t('device.title')}</ScreenTitle>
      <p class="lead">{t('device.lead')}</p>
      <section class="help-section" aria-labelledby={`${id}-tab`}>
        <h2 id={`${id}-tab`}>{t('device.tabLegend')}</h2>
        <label class="device-check" for={id}>
          <input
            id={id}
            type="checkbox"
            checked={discreetTitle.value}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setDiscreetTitle(on);
              announce(on ? t('device.tabOn', { title: discreet }) : t('device.tabOff'));
            }}
          />
          <span>{t('device.tabLabel', { title: discreet })}</span>
        </label>
        <p id={`${id}-hint`} class="field-hint">
          {t('device.tabHint')}
        </p>
      </section>
      <section class="help-section" aria-labelledby={`${id}-exit`}>
        <h2 id={`${id}-exit`}>{t('device.exitTitle')}</h2>
        <p>{t('device.exitBody')}</p>
      </section>
      <section class="help-section" aria-labelledby={`${id}-notifications`}>
        <h2 id={`${id}-notifications`}>{t('device.notificationsTitle')}</h2>
        <p>{t('device.notificationsBody')}</p>
        {authStatus.value === 'unlocked' && (
          <p>
            <a href="/settings/notifications">{t('device.notificationsLink')}</a>
          </p>
        )}
      </section>
      <section class="help-section" aria-labelledby={`${id}-lock`}>
        <h2 id={`${id}-lock`}>{t('device.lockTitle')}</h2>
        <p>{t('device.lockBody')}</p>
      </section>
    </div>
  );
}
