import { getExercise } from '../../../../../content/catalog.ts';
import { EXERCISES } from '../../../../../content/exercises/index.ts';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { reflections } from '../store.ts';
import { t } from '../messages.ts';
import { formatDate } from '../../../platform/i18n/format.ts';
import '../rounds.css';

/** The personal space: exercises done alone, and the private reflections they leave. */
export default function JustMe() {
  const list = reflections.value;
  return (
    <div class="screen just-me">
      <ScreenTitle>{t('justMe.title')}</ScreenTitle>
      <p class="lead">{t('justMe.lead')}</p>

      <section aria-labelledby="alone-title" class="stack">
        <h2 id="alone-title">{t('justMe.aloneTitle')}</h2>
        <p>{t('justMe.aloneIntro')}</p>
        <ul class="space-list" role="list">
          {EXERCISES.map((exercise) => (
            <li key={exercise.id} class="card space-card linked">
              <div>
                <h3>
                  <a class="card-link" href={`/just-me/exercises/${exercise.id}`} aria-label={t('justMe.doAlone', { title: exercise.title })}>
                    {exercise.title}
                  </a>
                </h3>
                <p>{exercise.summary}</p>
                <p class="muted small">{t('exercise.minutes', { minutes: exercise.estimatedMinutes })}</p>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="reflections-title" class="stack">
        <h2 id="reflections-title">{t('justMe.reflectionsTitle')}</h2>
        {list.length === 0 ? (
          <p class="muted">{t('justMe.noReflections')}</p>
        ) : (
          <ul class="plain-list" role="list">
            {list.map((r) => (
              <li key={r.id} class="list-row">
                <a href={`/just-me/reflections/${r.id}`}>
                  {t('justMe.reflectionItem', { title: getExercise(r.exerciseId)?.title ?? t('exercise.unknownTitle'), date: formatDate(r.createdAt) })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div class="actions">
        <a class="button secondary" href="/">
          {t('common.backHome')}
        </a>
      </div>
    </div>
  );
}
