import { t } from './messages.ts';
import { myStatus, othersLine, spaceTitle } from './names.ts';
import { spaces } from './store.ts';

/** Today's list of spaces: "Just me" first, then each shared space with who is there. */
export default function SpacesOnToday() {
  const shared = spaces.value.filter((s) => s.kind === 'shared');
  return (
    <section aria-labelledby="spaces-title" class="stack">
      <h2 id="spaces-title">{t('home.spacesTitle')}</h2>
      <ul class="space-list" role="list">
        <li class="card space-card personal linked">
          <span class="space-mark personal" aria-hidden="true" />
          <div>
            <h3>
              <a class="card-link" href="/just-me">
                {t('home.personalTitle')}
              </a>
            </h3>
            <p class="muted">{t('home.personalBody')}</p>
          </div>
        </li>
        {shared.map((space) => {
          const waiting = myStatus(space) === 'pending';
          return (
            <li key={space.id} class="card space-card linked">
              <span class="space-mark shared" aria-hidden="true" />
              <div>
                <h3>
                  <a class="card-link" href={`/spaces/${space.id}`}>
                    {spaceTitle(space)}
                  </a>
                </h3>
                <p class="muted">
                  {waiting ? t('home.sharedWaiting') : (othersLine(space) ?? t('home.sharedOnlyYou'))}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      {shared.length === 0 && <p class="muted">{t('home.noShared')}</p>}
      <div class="actions">
        <a class="button primary" href="/spaces/new">
          {t('home.createSpace')}
        </a>
      </div>
    </section>
  );
}
