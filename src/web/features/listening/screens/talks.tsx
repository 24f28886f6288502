import { spaceTitle } from '../../../spaces/names.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { Loading } from '../../../ui/loading.tsx';
import NotFound from '../../../ui/not-found.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { t } from '../messages.ts';
import { listeningReady, listeningState } from '../store.ts';
import { TurnLink } from '../turn-cards.tsx';
import '../listening.css';

/** A place's talks: those in progress, the summaries both chose to keep, and a way to ask. */
export default function TalksScreen({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  if (space === 'loading' || !listeningReady.value) return <Loading />;
  if (!space || space.kind !== 'shared') return <NotFound />;
  const view = listeningState.value;
  const turns = view.turns.filter((v) => v.spaceId === spaceId && (v.turn.phase !== 'ended' || v.turn.kept || v.turn.ending === 'not-now'));
  const summaries = view.summaries.filter((s) => s.spaceId === spaceId);
  const names = new Map(space.members.map((m) => [m.userId, m.displayName]));
  return (
    <div class="screen stack">
      <ScreenTitle>{t('listening.placeTitle', { place: spaceTitle(space) })}</ScreenTitle>
      <p class="lead">{t('listening.intro')}</p>
      <div class="listening-buttons">
        <a class="button primary" href={`/spaces/${spaceId}/listening/new`}>
          {t('listening.ask')}
        </a>
        <a class="button secondary" href={`/spaces/${spaceId}/hard-day`}>
          {t('listening.hardDay')}
        </a>
      </div>
      <section class="stack" aria-labelledby="talks-now">
        <h2 id="talks-now">{t('listening.inProgress')}</h2>
        {turns.length === 0 ? <p class="muted">{t('listening.none')}</p> : turns.map((v) => <TurnLink key={v.turn.id} view={v} />)}
      </section>
      {summaries.length > 0 && (
        <section class="stack" aria-labelledby="talks-kept">
          <h2 id="talks-kept">{t('listening.kept')}</h2>
          <ul class="plain-list stack">
            {summaries.map((s) => (
              <li key={s.id} class="card">
                <p class="muted small">{t('listening.keptBy', { name: names.get(s.from) ?? '' })}</p>
                <p>{s.text}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="muted small">{t('listening.private')}</p>
    </div>
  );
}
