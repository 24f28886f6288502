import { useLocation } from 'preact-iso';
import { useId, useState } from 'preact/hooks';
import { getExercise } from '../../../../../content/catalog.ts';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { AnswerView } from '../answer-view.tsx';
import { othersLine, spaceTitle } from '../../../spaces/names.ts';
import { reflections } from '../store.ts';
import { spaces } from '../../../spaces/store.ts';
import { syncState } from '../../../sync/status.ts';
import { t } from '../messages.ts';
import { formatDate } from '../../../platform/i18n/format.ts';
import { Loading } from '../../../ui/loading.tsx';
import '../rounds.css';

/** A private reflection, to read again; and from it, the same exercise with a partner. */
export default function ReflectionView({ reflectionId }: { reflectionId: string }) {
  const reflection = reflections.value.find((r) => r.id === reflectionId);
  if (!reflection) {
    if (syncState.value.lastSyncedAt === null) return <Loading />;
    return (
      <div class="screen">
        <ScreenTitle>{t('reflection.notFoundTitle')}</ScreenTitle>
        <p>{t('reflection.notFoundBody')}</p>
        <div class="actions">
          <a class="button primary" href="/just-me">
            {t('reflection.back')}
          </a>
        </div>
      </div>
    );
  }
  const exercise = getExercise(reflection.exerciseId);
  return (
    <div class="screen reflection">
      <ScreenTitle>{exercise?.title ?? t('exercise.unknownTitle')}</ScreenTitle>
      <p class="muted">{t('reflection.savedOn', { date: formatDate(reflection.createdAt) })}</p>
      {!exercise ? (
        <div class="notice notice-security" role="alert">
          <p>{t('exercise.unknown')}</p>
        </div>
      ) : (
        <>
          {exercise.items.map((item, i) => (
            <section key={item.id} class="card stack revealed-item" aria-labelledby={`line-${item.id}`}>
              <h2 id={`line-${item.id}`} class="item-legend">
                <span class="item-number">{t('exercise.itemNumber', { n: i + 1, total: exercise.items.length })}</span>
                {' '}
                <span class="item-prompt">{item.prompt}</span>
              </h2>
              <AnswerView item={item} answer={reflection.answers[item.id]} />
            </section>
          ))}
          <WithPartner exerciseId={exercise.id} />
        </>
      )}
      <p class="aside-link">
        <a href="/just-me">{t('reflection.back')}</a>
      </p>
    </div>
  );
}

function WithPartner({ exerciseId }: { exerciseId: string }) {
  const { route } = useLocation();
  const id = useId();
  const shared = spaces.value.filter((s) => s.kind === 'shared' && s.members.some((m) => !m.isMe && m.status === 'active'));
  const [spaceId, setSpaceId] = useState<string | null>(shared.length === 1 ? shared[0]!.id : null);
  return (
    <section class="card stack" aria-labelledby="partner-title">
      <h2 id="partner-title">{t('reflection.partnerTitle')}</h2>
      <p>{t('reflection.partnerIntro')}</p>
      {shared.length === 0 ? (
        <>
          <p class="muted">{t('reflection.partnerNone')}</p>
          <div class="actions">
            <a class="button secondary" href="/spaces/new">
              {t('reflection.createSpace')}
            </a>
          </div>
        </>
      ) : (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const chosen = spaceId ?? shared[0]!.id;
            route(`/spaces/${chosen}/exercises/new?exercise=${encodeURIComponent(exerciseId)}`);
          }}
        >
          <fieldset class="stack choice-fieldset">
            <legend class="group-legend">{t('reflection.partnerSpace')}</legend>
            {shared.map((s) => (
              <label key={s.id} class="choice-option">
                <input type="radio" name={`${id}-space`} value={s.id} checked={(spaceId ?? shared[0]!.id) === s.id} onChange={() => setSpaceId(s.id)} />
                <span>
                  {spaceTitle(s)}
                  <span class="muted small"> · {othersLine(s)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div class="actions">
            <button type="submit" class="button primary">
              {t('reflection.partnerContinue')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
