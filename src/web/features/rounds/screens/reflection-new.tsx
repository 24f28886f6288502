import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { getExercise } from '../../../../../content/catalog.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { describeError, type DescribedError } from '../../../platform/errors/error-catalog.ts';
import { AnswerForm } from '../answer-form.tsx';
import { draftKeyForReflection } from '../names.ts';
import { roundActions } from '../actions.ts';
import { t } from '../messages.ts';
import NotFound from '../../../ui/not-found.tsx';
import '../rounds.css';

/** An exercise done alone: the same lines, no sealing; saved as a private reflection. */
export default function ReflectionNew({ exerciseId }: { exerciseId: string }) {
  const { route } = useLocation();
  const exercise = getExercise(exerciseId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<DescribedError | null>(null);
  if (!exercise) return <NotFound />;
  const key = draftKeyForReflection(exercise.id);

  return (
    <div class="screen reflection-new">
      <ScreenTitle>{exercise.title}</ScreenTitle>
      <p class="muted">{t('justMe.title')}</p>
      <AnswerForm
        exercise={exercise}
        draftKey={key}
        whoSees={t('alone.who')}
        renderSubmit={({ answers }) => (
          <>
            <FormError error={error} />
            <div class="actions">
              <button
                type="button"
                class="button primary"
                aria-disabled={busy ? 'true' : undefined}
                onClick={async () => {
                  if (busy) return;
                  setBusy(true);
                  setError(null);
                  try {
                    const { id } = await roundActions.saveReflection({ exerciseId: exercise.id, answers: answers() });
                    await roundActions.clearDraft(key).catch(() => undefined);
                    announce(t('live.reflectionSaved'));
                    route(`/just-me/reflections/${id}`, true);
                  } catch (err) {
                    setError(describeError(err));
                    setBusy(false);
                  }
                }}
              >
                {busy ? t('alone.busy') : t('alone.save')}
              </button>
            </div>
          </>
        )}
      />
      <p class="aside-link">
        <a href="/just-me">{t('reflection.back')}</a>
      </p>
    </div>
  );
}
