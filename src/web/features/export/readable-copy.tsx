import { useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { exportActions } from './actions.ts';
import { downloadBytes } from './download.ts';
import { exportErrorText } from './errors.ts';
import { t } from './messages.ts';

/** "A copy you can read": one tap makes the zip on this device and downloads it. */
export function ReadableCopy() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  async function make(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    announce(t('data.working'));
    try {
      const file = await exportActions.readableCopy();
      downloadBytes(file.name, file.bytes, file.type);
      setOutcome({ ok: true, text: t('data.readableDone') });
    } catch (error) {
      setOutcome({ ok: false, text: exportErrorText(error) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="readable-title" class="card stack">
      <h2 id="readable-title">{t('data.readableTitle')}</h2>
      <p>{t('data.readableBody')}</p>
      <div class="actions">
        <button type="button" class="button primary" aria-disabled={busy ? 'true' : undefined} onClick={() => void make()}>
          {busy ? t('data.working') : t('data.readableButton')}
        </button>
      </div>
      {outcome && (
        <p class={outcome.ok ? 'notice notice-info' : 'notice notice-error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
