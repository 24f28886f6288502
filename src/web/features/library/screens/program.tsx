import { getProgram } from '../../../../../content/library.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { useAction } from '../../../ui/use-action.ts';
import { PartnerProgressLines, myProgressText } from '../progress-line.tsx';
import { nextStep } from '../progress.ts';
import { libraryActions } from '../actions.ts';
import { libraryReady, programProgress } from '../store.ts';
import { t } from '../messages.ts';
import NotFound from '../../../ui/not-found.tsx';
import '../programs.css';

/** One program: what it is for, its steps with what I marked done, and start, pause or resume. */
export default function ProgramScreen({ programId }: { programId: string }) {
  const program = getProgram(programId);
  const { busy, error, run } = useAction();
  if (!program) return <NotFound />;
  const progress = programProgress.value.get(program.id);
  const done = new Set(progress?.done ?? []);
  const next = nextStep(program, progress);

  const setStatus = (status: 'active' | 'paused', message: string) => run(() => libraryActions.setProgramStatus(program.id, status), message);


  return (
    <div class="screen program">
      <ScreenTitle>{program.title}</ScreenTitle>
      <p class="lead">{program.summary}</p>
      {program.intro.map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      <p class="muted">
        <strong>{t('program.forWhom')}:</strong> {program.forWhom}
      </p>

      {libraryReady.value && (
        <div class="card stack program-status">
          <p>{myProgressText(program)}</p>
          {progress?.status === 'paused' && <p class="muted">{t('program.pausedNote')}</p>}
          <PartnerProgressLines program={program} />
          <FormError error={error} />
          <div class="actions actions-row">
            {!progress && (
              <button type="button" class="button primary" aria-disabled={busy ? 'true' : undefined} onClick={() => void setStatus('active', t('program.started'))}>
                {t('program.start')}
              </button>
            )}
            {progress?.status === 'active' && next && (
              <a class="button primary" href={`/programs/${program.id}/${next.id}`}>
                {t('program.stepLabel', { n: program.steps.indexOf(next) + 1, title: next.title })}
              </a>
            )}
            {progress?.status === 'active' && (
              <button type="button" class="button secondary" aria-disabled={busy ? 'true' : undefined} onClick={() => void setStatus('paused', t('program.pausedNote'))}>
                {t('program.pause')}
              </button>
            )}
            {progress?.status === 'paused' && (
              <button type="button" class="button primary" aria-disabled={busy ? 'true' : undefined} onClick={() => void setStatus('active', t('program.resumed'))}>
                {t('program.resume')}
              </button>
            )}
          </div>
          {progress && !next && <p>{t('program.allDone')}</p>}
        </div>
      )}

      <section aria-labelledby="steps-title" class="stack">
        <h2 id="steps-title">{t('program.stepsTitle')}</h2>
        <ol class="plain-list step-list" role="list">
          {program.steps.map((step, i) => (
            <li key={step.id} class={`card linked step-card${done.has(step.id) ? ' step-done' : ''}`}>
              <a class="card-link" href={`/programs/${program.id}/${step.id}`}>
                {t('program.stepLabel', { n: i + 1, title: step.title })}
              </a>
              {done.has(step.id) && (
                <span class="step-done-mark">
                  <span aria-hidden="true">✓ </span>
                  {t('program.stepDone')}
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
      <p class="aside-link">
        <a href="/programs">{t('program.back')}</a>
      </p>
    </div>
  );
}
