import { getProgram } from '../../../../../content/library.ts';
import { getExercise } from '../../../../../content/catalog.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { useAction } from '../../../ui/use-action.ts';
import { AnswerOptions } from '../answer-options.tsx';
import { libraryActions } from '../actions.ts';
import { keepKey, kept, programProgress } from '../store.ts';
import { t } from '../messages.ts';
import NotFound from '../../../ui/not-found.tsx';
import '../programs.css';

/**
 * One step: a short lesson, a practice (with a low-energy version), a reflection to answer alone
 * or with partners, a "try this" to keep as an intention, and "done" when the person says so.
 */
export default function ProgramStepScreen({ programId, stepId }: { programId: string; stepId: string }) {
  const program = getProgram(programId);
  const index = program?.steps.findIndex((s) => s.id === stepId) ?? -1;
  const { busy, error, run } = useAction();
  if (!program || index < 0) return <NotFound />;
  const step = program.steps[index]!;
  const previous = program.steps[index - 1];
  const next = program.steps[index + 1];
  const done = programProgress.value.get(program.id)?.done.includes(step.id) ?? false;
  const ref = `${program.id}/${step.id}`;
  const intentionKept = kept.value.has(keepKey('intention', ref));
  const exercise = step.exercise ? getExercise(step.exercise) : undefined;

  return (
    <div class="screen program-step">
      <p class="muted step-of">
        <a href={`/programs/${program.id}`}>{program.title}</a> · {t('step.of', { n: index + 1, total: program.steps.length })}
      </p>
      <ScreenTitle>{step.title}</ScreenTitle>

      <section aria-labelledby="lesson-title" class="stack">
        <h2 id="lesson-title">{t('step.lessonTitle')}</h2>
        {step.lesson.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </section>

      <section aria-labelledby="practice-title" class="card stack">
        <h2 id="practice-title">{t('step.practiceTitle')}</h2>
        <p class="muted">
          {t(`step.mode.${step.practice.mode}`)} · {t('step.minutes', { minutes: step.practice.minutes })}
        </p>
        <ol class="practice-steps">
          {step.practice.steps.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
        <details class="low-energy">
          <summary>{t('step.lowEnergy')}</summary>
          <p>{step.practice.lowEnergy}</p>
        </details>
      </section>

      {exercise && (
        <section aria-labelledby="exercise-title" class="stack">
          <h2 id="exercise-title">{t('step.exerciseTitle')}</h2>
          <p>
            <strong>{exercise.title}</strong>: {exercise.summary}
          </p>
          <AnswerOptions exerciseId={exercise.id} labelledBy="exercise-title" />
        </section>
      )}

      {step.reflection && (
        <section aria-labelledby="reflection-title" class="stack">
          <h2 id="reflection-title">{t('step.reflectionTitle')}</h2>
          <p class="muted">{t('step.reflectionLead')}</p>
          <ul class="reflection-prompts">
            {step.reflection.prompts.map((p) => (
              <li key={p.id}>{p.prompt}</li>
            ))}
          </ul>
          <AnswerOptions exerciseId={step.reflection.id} labelledBy="reflection-title" />
        </section>
      )}

      {step.tryThis && (
        <section aria-labelledby="try-title" class="card stack">
          <h2 id="try-title">{t('step.tryThisTitle')}</h2>
          <p>{step.tryThis}</p>
          <div class="actions">
            <button
              type="button"
              class="button secondary"
              aria-pressed={intentionKept ? 'true' : 'false'}
              aria-disabled={busy ? 'true' : undefined}
              onClick={() =>
                void run(
                  () => libraryActions.keep('intention', ref, !intentionKept),
                  intentionKept ? t('step.intentionRemoved') : t('step.intentionKeptNote'),
                )
              }
            >
              {t('step.keepIntention')}
            </button>
          </div>
          {intentionKept && <p class="muted">{t('step.intentionKeptNote')}</p>}
        </section>
      )}

      {step.link && (
        <section aria-labelledby="step-link-title" class="card stack">
          <h2 id="step-link-title">{step.link.label}</h2>
          <p>{step.link.line}</p>
          <p>
            <a href={step.link.href}>{step.link.label}</a>
          </p>
        </section>
      )}

      <div class="card stack step-done-box">
        {done && <p>{t('step.isDone')}</p>}
        <FormError error={error} />
        <div class="actions">
          <button
            type="button"
            class={`button ${done ? 'secondary' : 'primary'}`}
            aria-disabled={busy ? 'true' : undefined}
            onClick={() =>
              void run(() => libraryActions.setStepDone(program.id, step.id, !done), done ? t('step.undoneNote') : t('step.doneNote'))
            }
          >
            {done ? t('step.markNotDone') : t('step.markDone')}
          </button>
        </div>
      </div>

      <nav class="step-nav" aria-label={t('step.of', { n: index + 1, total: program.steps.length })}>
        {previous && <a href={`/programs/${program.id}/${previous.id}`}>{t('step.previous')}</a>}
        {next && <a href={`/programs/${program.id}/${next.id}`}>{t('step.next')}</a>}
        <a href={`/programs/${program.id}`}>{t('step.backToProgram', { program: program.title })}</a>
      </nav>
    </div>
  );
}
