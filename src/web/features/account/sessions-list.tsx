import { useEffect, useState } from 'preact/hooks';
import { announce } from '../../ui/live-region.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { describeError, type DescribedError } from '../../platform/errors/error-catalog.ts';
import { accountActions } from './session.ts';
import type { SessionView } from './session.ts';
import { t } from './messages.ts';
import { formatRelative } from '../../platform/i18n/format.ts';

/** Where I am signed in, with "this device" marked, and a way to sign the others out. */
export function SessionsList() {
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [error, setError] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function load() {
    setError(null);
    try {
      const list = await accountActions.listSessions();
      setSessions([...list].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt - a.lastSeenAt));
    } catch (err) {
      setError(describeError(err));
    }
  }

  useEffect(() => {
    void load();
  }, []);

  async function run(key: string, work: () => Promise<void>, done: string) {
    if (busy) return;
    setBusy(key);
    setError(null);
    try {
      await work();
      announce(done);
      await load();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  }

  const others = (sessions ?? []).filter((s) => !s.current);
  return (
    <div class="stack">
      {sessions === null && !error && <p class="muted">{t('settings.sessionsLoading')}</p>}
      {sessions && (
        <ul class="plain-list" role="list">
          {sessions.map((s) => {
            const device = s.label.trim() || t('settings.unknownDevice');
            return (
              <li key={s.id} class="list-row">
                <span>
                  <span class="session-label">{device}</span>
                  {s.current && (
                    <>
                      {' '}
                      <span class="tag">{t('settings.thisDevice')}</span>
                    </>
                  )}
                  <br /> <span class="muted small">{t('settings.lastSeen', { time: formatRelative(s.lastSeenAt) })}</span>
                </span>
                {!s.current && (
                  <button
                    type="button"
                    class="button secondary small"
                    aria-label={t('settings.signOutSessionLabel', { device })}
                    aria-disabled={busy ? 'true' : undefined}
                    onClick={() => void run(s.id, () => accountActions.revokeSession(s.id), t('live.sessionEnded'))}
                  >
                    {t('settings.signOutSession')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {sessions && others.length === 0 && <p class="muted small">{t('settings.noOthers')}</p>}
      <FormError error={error} onRetry={load} />
      {others.length > 0 && (
        <div class="actions">
          <button
            type="button"
            class="button secondary"
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => void run('others', () => accountActions.revokeOtherSessions(), t('live.otherSessionsEnded'))}
          >
            {t('settings.signOutOthers')}
          </button>
        </div>
      )}
    </div>
  );
}
