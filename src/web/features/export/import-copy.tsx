import { useState } from 'preact/hooks';
import { PasswordField } from '../../ui/field.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFocusInvalid } from '../../ui/use-focus-invalid.ts';
import type { ImportPlan } from './archive-format.ts';
import { exportActions } from './actions.ts';
import { exportErrorText } from './errors.ts';
import { ImportPreview } from './import-preview.tsx';
import { t } from './messages.ts';

/**
 * "Bring in an encrypted copy": choose the file, give its passphrase, then see what it would add
 * (ImportPreview) before anything is written.
 */
export function ImportCopy() {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const { formRef, focusInvalid } = useFocusInvalid();
  const fileError = checked && !file ? t('data.noFile') : null;

  async function onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (busy) return;
    setChecked(true);
    if (!file || passphrase.length === 0) {
      focusInvalid();
      return;
    }
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      setPlan(await exportActions.previewImport(new Uint8Array(await file.arrayBuffer()), passphrase));
    } catch (err) {
      setError(exportErrorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-title" class="card stack">
      <h2 id="import-title">{t('data.importTitle')}</h2>
      <p>{t('data.importBody')}</p>
      {plan ? (
        <ImportPreview
          plan={plan}
          onDone={(count) => {
            setPlan(null);
            setAdded(count);
            setPassphrase('');
          }}
          onCancel={() => setPlan(null)}
        />
      ) : (
        <form ref={formRef} class="stack" noValidate onSubmit={(e) => void onSubmit(e)}>
          <div class={fileError ? 'field field-invalid' : 'field'}>
            <label for="archive-file">{t('data.file')}</label>
            <input
              id="archive-file"
              type="file"
              accept=".innermost,application/octet-stream"
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={fileError ? 'archive-file-error' : undefined}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
            {fileError && (
              <p id="archive-file-error" class="field-error">
                {fileError}
              </p>
            )}
          </div>
          <PasswordField
            label={t('data.importPassphrase')}
            value={passphrase}
            onValue={setPassphrase}
            error={checked && passphrase.length === 0 ? t('data.noPassphrase') : null}
            autoComplete="current-password"
          />
          {error && (
            <p class="notice notice-error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <SubmitButton busy={busy} busyLabel={t('data.opening')}>
              {t('data.open')}
            </SubmitButton>
          </div>
        </form>
      )}
      {added !== null && (
        <p class="notice notice-info" role="status">
          {t('data.added', { count: added })}
        </p>
      )}
    </section>
  );
}
