import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { availability, browserEnvironment } from '../availability.ts';
import type { DeviceSettings } from '../device-settings.ts';
import { pushProblem, type PushProblem } from '../errors.ts';
import { deviceState, turnOff, turnOn, type DeviceState } from '../push-device.ts';
import { t } from '../messages.ts';
import { Choices } from '../choices.tsx';
import '../notifications.css';

/**
 * Notifications on this device: an explained button that asks the browser only when tapped, then
 * the choices (which events, quiet hours, a daily reminder, how much a notification says) and one
 * switch that turns it all off. On iPhone and iPad in Safari's tabs, how to add the app first.
 */
export default function NotificationsScreen() {
  const where = useMemo(() => availability(browserEnvironment()), []);
  return (
    <div class="screen notifications">
      <ScreenTitle>{t('notifications.title')}</ScreenTitle>
      <p class="lead">{t('notifications.lead')}</p>
      <p>{t('notifications.discreetNote')}</p>
      {where === 'install-first' && <InstallFirst />}
      {where === 'unsupported' && <p class="notice notice-info">{t('notifications.unsupported')}</p>}
      {where === 'available' && <ThisDevice />}
      <p class="aside-link">
        <a href="/settings">{t('notifications.back')}</a>
      </p>
    </div>
  );
}

function InstallFirst() {
  return (
    <section aria-labelledby="install-title" class="card stack">
      <h2 id="install-title">{t('notifications.installTitle')}</h2>
      <p>{t('notifications.installIntro')}</p>
      <ol class="install-steps">
        <li>{t('notifications.installShare')}</li>
        <li>{t('notifications.installAdd')}</li>
        <li>{t('notifications.installOpen')}</li>
      </ol>
    </section>
  );
}

function ThisDevice() {
  const [state, setState] = useState<DeviceState | 'loading'>('loading');
  const [turnedOff, setTurnedOff] = useState(false);
  useEffect(() => {
    deviceState().then(setState, () => setState({ status: 'off' }));
  }, []);
  if (state === 'loading') {
    return (
      <p class="muted" role="status">
        {t('notifications.loading')}
      </p>
    );
  }
  if (state.status === 'blocked') return <p class="notice notice-info">{t('notifications.blocked')}</p>;
  if (state.status === 'off') return <TurnOn focusFirst={turnedOff} onOn={(settings) => setState({ status: 'on', settings })} />;
  return (
    <Choices
      settings={state.settings}
      onOff={async () => {
        await turnOff();
        announce(t('notifications.turnedOff'));
        setTurnedOff(true);
        setState({ status: 'off' });
      }}
    />
  );
}

function ProblemNotice({ problem }: { problem: PushProblem | null }) {
  if (!problem) return null;
  return (
    <div class={`notice ${problem.calm ? 'notice-info' : 'notice-error'}`} role="alert">
      <p>{problem.text}</p>
    </div>
  );
}

/** The explained button. The browser's question comes only from this tap, never on load. */
function TurnOn({ onOn, focusFirst }: { onOn: (settings: DeviceSettings) => void; focusFirst: boolean }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PushProblem | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Just turned off: the switch that was tapped is gone, so focus comes here.
  useEffect(() => {
    if (focusFirst) button.current?.focus();
  }, []);

  async function tap() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    announce(t('notifications.turningOn'));
    try {
      const settings = await turnOn();
      announce(t('notifications.turnedOn'));
      onOn(settings);
    } catch (error) {
      setProblem(pushProblem(error));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="turn-on-title" class="card stack">
      <h2 id="turn-on-title" class="visually-hidden">
        {t('notifications.turnOn')}
      </h2>
      <p class="muted" id="turn-on-hint">
        {t('notifications.askNote')}
      </p>
      <div class="actions">
        <button
          ref={button}
          type="button"
          class="button primary"
          aria-describedby="turn-on-hint"
          aria-disabled={busy ? 'true' : undefined}
          data-busy={busy || undefined}
          onClick={() => void tap()}
        >
          {busy ? t('notifications.turningOn') : t('notifications.turnOn')}
        </button>
      </div>
      <ProblemNotice problem={problem} />
    </section>
  );
}
