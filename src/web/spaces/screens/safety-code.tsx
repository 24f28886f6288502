import { useEffect, useState } from 'preact/hooks';
import { FormError } from '../../ui/form-error.tsx';
import { ScreenTitle } from '../../ui/screen-title.tsx';
import { describeError, type DescribedError } from '../../platform/errors/error-catalog.ts';
import { safetyCodeGroups } from '../safety-code-format.ts';
import { spaceTitle } from '../names.ts';
import { useSpace } from '../use-space.ts';
import { spaceActions } from '../actions.ts';
import { t } from '../messages.ts';
import { Loading } from '../../ui/loading.tsx';
import { SpaceNotFound } from './space.tsx';

/** The space's safety code (a fingerprint of every member's keys) and how to compare it. */
export default function SafetyCode({ id }: { id: string }) {
  const space = useSpace(id);
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<DescribedError | null>(null);
  // The code changes when members change: recompute then.
  const membersKey = space && space !== 'loading' ? space.members.map((m) => `${m.userId}:${m.status}`).join(',') : '';

  async function load() {
    setError(null);
    try {
      setCode(await spaceActions.safetyCode(id));
    } catch (err) {
      setError(describeError(err));
    }
  }

  useEffect(() => {
    if (membersKey) void load();
  }, [id, membersKey]);

  if (space === 'loading') return <Loading />;
  if (!space) return <SpaceNotFound />;
  const name = spaceTitle(space);

  return (
    <div class="screen">
      <ScreenTitle docTitle={t('safety.codeLabel', { space: name })}>{t('safety.title')}</ScreenTitle>
      <p class="muted">{t('safety.for', { space: name })}</p>
      <p class="lead">{t('safety.what')}</p>

      {code ? (
        <div class="safety-code" role="group" aria-label={t('safety.codeLabel', { space: name })}>
          {safetyCodeGroups(code).map((g, i) => (
            <span key={i} class="code-group">
              {g}
              {/* A real space between groups, so a copied code reads like the spoken one. */}
              <span class="visually-hidden"> </span>
            </span>
          ))}
        </div>
      ) : (
        !error && <p class="muted">{t('safety.loading')}</p>
      )}
      <FormError error={error} onRetry={load} />

      <section aria-labelledby="how-title" class="card stack">
        <h2 id="how-title">{t('safety.howTitle')}</h2>
        <ol class="steps">
          <li>{t('safety.how1')}</li>
          <li>{t('safety.how2')}</li>
          <li>{t('safety.how3')}</li>
        </ol>
        <p class="muted">{t('safety.changes')}</p>
      </section>

      <section aria-labelledby="differ-title" class="card stack">
        <h2 id="differ-title">{t('safety.differTitle')}</h2>
        <p>{t('safety.differ')}</p>
      </section>

      <p>
        <a href={`/spaces/${space.id}`}>{t('safety.back', { space: name })}</a>
      </p>
    </div>
  );
}
