import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { CopyButton } from '../../../ui/copy-button.tsx';
import { TextField } from '../../../ui/field.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { t } from '../messages.ts';
import { formatDate } from '../../../platform/i18n/format.ts';
import { codeGroups, matchesLastTwoGroups } from '../recovery-code-format.ts';
import { recoveryCodeConfirmed } from '../recovery-reminder.ts';
import { recoveryCodeToShow } from '../store.ts';

/**
 * Shown once after sign-up and after recovery: the recovery code, large, with copy and print, then
 * a check that the person has it (they type the last two groups back) before going on.
 */
export function RecoveryCodeScreen() {
  const pending = recoveryCodeToShow.value;
  const { route } = useLocation();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Leaving the page before confirming would lose the code for good: ask the browser to check.
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    addEventListener('beforeunload', guard);
    return () => removeEventListener('beforeunload', guard);
  }, []);

  if (!pending) return null;
  const groups = codeGroups(pending.code);

  function onSubmit(e: Event) {
    e.preventDefault();
    if (!pending) return;
    if (!matchesLastTwoGroups(pending.code, typed)) {
      setError(t('recoveryCode.confirmMismatch'));
      return;
    }
    const next = pending.next;
    recoveryCodeToShow.value = null;
    void recoveryCodeConfirmed();
    route(next, true);
  }

  return (
    <div class="screen">
      <ScreenTitle>{t('recoveryCode.title')}</ScreenTitle>
      <p class="lead">{t('recoveryCode.explain')}</p>
      <p>{t('recoveryCode.once')}</p>

      <div class="print-area">
        <p class="print-only print-heading">{t('recoveryCode.printHeading')}</p>
        <div class="recovery-code" role="group" aria-label={t('recoveryCode.codeLabel')}>
          {groups.map((g, i) => (
            <span key={i} class="code-group">
              {g}
              {i < groups.length - 1 && <span class="code-sep">-</span>}
            </span>
          ))}
        </div>
        <p class="print-only">{t('recoveryCode.printDate', { date: formatDate(Date.now()) })}</p>
      </div>

      <div class="actions-row">
        <CopyButton text={pending.code} label={t('recoveryCode.copy')} copiedLabel={t('recoveryCode.copied')} />
        <button type="button" class="button secondary" onClick={() => print()}>
          {t('recoveryCode.print')}
        </button>
      </div>

      <form class="stack card" noValidate onSubmit={onSubmit}>
        <h2>{t('recoveryCode.confirmTitle')}</h2>
        <TextField
          label={t('recoveryCode.confirmLabel')}
          hint={t('recoveryCode.confirmHint')}
          value={typed}
          onValue={(v) => {
            setTyped(v);
            setError(null);
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          class="mono-input"
          error={error}
        />
        <div class="actions">
          <button type="submit" class="button primary">
            {t('recoveryCode.continue')}
          </button>
        </div>
      </form>
    </div>
  );
}
