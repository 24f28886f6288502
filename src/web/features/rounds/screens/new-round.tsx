import { useLocation } from 'preact-iso';
import { useId, useState } from 'preact/hooks';
import { getExercise } from '../../../../../content/catalog.ts';
import { EXERCISES } from '../../../../../content/exercises/index.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { roundPath } from '../names.ts';
import { memberName, spaceTitle } from '../../../spaces/names.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { roundActions } from '../actions.ts';
import { t } from '../messages.ts';
import { Loading } from '../../../ui/loading.tsx';
import { SpaceNotFound } from '../../../spaces/screens/space.tsx';
import '../rounds.css';

/** Start an exercise in a shared space: which one, who takes part (3+), what is shared and when. */
export default function NewRound({ id }: { id: string }) {
  const { route, query } = useLocation();
  const space = useSpace(id);
  const ids = useId();
  const preselected = getExercise(query.exercise ?? '');
  // A reflection, deck question or self-assessment sent from elsewhere is offered first.
  const choices = preselected && !EXERCISES.some((e) => e.id === preselected.id) ? [preselected, ...EXERCISES] : EXERCISES;
  const [exerciseId, setExerciseId] = useState<string | null>(preselected?.id ?? null);
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const [exerciseError, setExerciseError] = useState<string | null>(null);
  const [whoError, setWhoError] = useState<string | null>(null);

  const others = space && space !== 'loading' ? space.members.filter((m) => !m.isMe && m.status === 'active') : [];
  // Everyone takes part unless the starter changes it (only offered with three or more).
  const picked = chosen ?? new Set(others.map((m) => m.userId));

  const form = useFormSubmit({
    check: () => {
      const exerciseOk = exerciseId !== null;
      const whoOk = others.some((m) => picked.has(m.userId));
      setExerciseError(exerciseOk ? null : t('newRound.pickMissing'));
      setWhoError(whoOk ? null : t('newRound.whoMissing'));
      return exerciseOk && whoOk;
    },
    action: async () => {
      const me = (space as Exclude<typeof space, 'loading' | null>).members.find((m) => m.isMe)!;
      const participantIds = [me.userId, ...others.filter((m) => picked.has(m.userId)).map((m) => m.userId)];
      const { roundId } = await roundActions.startRound({ spaceId: id, exerciseId: exerciseId!, participantIds });
      announce(t('live.roundStarted'));
      route(roundPath(id, roundId), true);
    },
  });

  if (space === 'loading') return <Loading />;
  if (!space || space.kind !== 'shared') return <SpaceNotFound />;
  const title = spaceTitle(space);

  if (others.length === 0) {
    return (
      <div class="screen">
        <ScreenTitle>{t('newRound.title')}</ScreenTitle>
        <p class="lead">{t('newRound.noPartner')}</p>
        <div class="actions">
          <a class="button secondary" href={`/spaces/${id}`}>
            {t('round.backToSpace', { space: title })}
          </a>
        </div>
      </div>
    );
  }

  function toggle(userId: string, on: boolean) {
    const next = new Set(picked);
    if (on) next.add(userId);
    else next.delete(userId);
    setChosen(next);
    setWhoError(null);
  }

  return (
    <div class="screen new-round">
      <ScreenTitle>{t('newRound.title')}</ScreenTitle>
      <p class="lead">{t('newRound.in', { space: title })}</p>
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        <fieldset class="stack choice-fieldset" aria-describedby={exerciseError ? `${ids}-ex-error` : undefined}>
          <legend class="group-legend">{t('newRound.pickExercise')}</legend>
          {choices.map((exercise, i) => (
            <label key={exercise.id} class="card pick-card">
              <input
                type="radio"
                name={`${ids}-exercise`}
                value={exercise.id}
                checked={exerciseId === exercise.id}
                aria-invalid={exerciseError && i === 0 ? 'true' : undefined}
                aria-labelledby={`${ids}-${exercise.id}-title`}
                aria-describedby={`${ids}-${exercise.id}-about`}
                onChange={() => {
                  setExerciseId(exercise.id);
                  setExerciseError(null);
                }}
              />
              <span class="pick-text">
                <span id={`${ids}-${exercise.id}-title`} class="pick-title">
                  {exercise.title}
                </span>
                <span id={`${ids}-${exercise.id}-about`} class="pick-about">
                  <span>{exercise.summary}</span> <span class="muted">{t('exercise.minutes', { minutes: exercise.estimatedMinutes })}</span>
                </span>
              </span>
            </label>
          ))}
          {exerciseError && (
            <p id={`${ids}-ex-error`} class="field-error">
              {exerciseError}
            </p>
          )}
        </fieldset>

        {others.length > 1 && (
          <fieldset class="stack choice-fieldset" aria-describedby={`${ids}-who-hint${whoError ? ` ${ids}-who-error` : ''}`}>
            <legend class="group-legend">{t('newRound.who')}</legend>
            <p id={`${ids}-who-hint`} class="field-hint">
              {t('newRound.whoHint')}
            </p>
            {others.map((m, i) => (
              <div key={m.userId} class="checkbox-row">
                <input
                  id={`${ids}-who-${m.userId}`}
                  type="checkbox"
                  checked={picked.has(m.userId)}
                  aria-invalid={whoError && i === 0 ? 'true' : undefined}
                  onChange={(e) => toggle(m.userId, e.currentTarget.checked)}
                />
                <label for={`${ids}-who-${m.userId}`}>{memberName(m)}</label>
              </div>
            ))}
            {whoError && (
              <p id={`${ids}-who-error`} class="field-error">
                {whoError}
              </p>
            )}
          </fieldset>
        )}

        <p class="notice notice-info">
          <span class="lock-inline" aria-hidden="true" />
          {t('newRound.shared')}
        </p>
        <p class="muted">{t('newRound.told')}</p>
        <FormError error={form.error} onRetry={form.retry} />
        <div class="actions">
          <a class="button secondary" href={`/spaces/${id}`}>
            {t('newRound.cancel')}
          </a>
          <SubmitButton busy={form.busy} busyLabel={t('newRound.busy')}>
            {t('newRound.submit')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
