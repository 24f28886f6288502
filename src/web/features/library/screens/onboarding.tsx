import { useState } from 'preact/hooks';
import { LIBRARY, getDeck, getProgram } from '../../../../../content/library.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { libraryActions } from '../actions.ts';
import { libraryReady, onboardingReason } from '../store.ts';
import { t } from '../messages.ts';
import '../programs.css';

/** "What brings you here?": one private choice, said back kindly, with a place to begin. */
export default function Onboarding() {
  const saved = onboardingReason.value;
  const [changing, setChanging] = useState(false);
  if (!libraryReady.value) {
    return (
      <div class="screen onboarding">
        <ScreenTitle>{t('start.title')}</ScreenTitle>
        <p class="muted" role="status">
          {t('app.loading')}
        </p>
      </div>
    );
  }
  if (saved && !changing) return <Suggestion reasonId={saved} onChange={() => setChanging(true)} />;
  return <ReasonForm initial={saved} onDone={() => setChanging(false)} />;
}

function ReasonForm({ initial, onDone }: { initial: string | null; onDone: () => void }) {
  const [choice, setChoice] = useState<string | null>(initial);
  const [missing, setMissing] = useState(false);
  const form = useFormSubmit({
    check: () => {
      setMissing(choice === null);
      return choice !== null;
    },
    action: async () => {
      await libraryActions.chooseReason(choice!);
      onDone();
    },
    stays: true,
  });
  return (
    <div class="screen onboarding">
      <ScreenTitle>{t('start.title')}</ScreenTitle>
      <p class="lead">{t('start.lead')}</p>
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        <fieldset class="stack choice-fieldset" aria-describedby={missing ? 'start-missing' : undefined}>
          <legend class="visually-hidden">{t('start.legend')}</legend>
          {LIBRARY.onboarding.map((reason, i) => (
            <label key={reason.id} class="card pick-card">
              <input
                type="radio"
                name="reason"
                value={reason.id}
                checked={choice === reason.id}
                aria-invalid={missing && i === 0 ? 'true' : undefined}
                onChange={() => {
                  setChoice(reason.id);
                  setMissing(false);
                }}
              />
              <span class="pick-text">
                <span class="pick-title">{reason.label}</span>
              </span>
            </label>
          ))}
          {missing && (
            <p id="start-missing" class="field-error">
              {t('start.missing')}
            </p>
          )}
        </fieldset>
        <p class="card linked unsafe-reason">
          <a class="card-link pick-title" href="/help/unsafe">
            {t('start.unsafe')}
          </a>
          <span class="muted">{t('start.unsafeAbout')}</span>
        </p>
        <FormError error={form.error} onRetry={form.retry} />
        <div class="actions">
          <a class="button secondary" href="/">
            {t('start.skip')}
          </a>
          <SubmitButton busy={form.busy} busyLabel={t('start.saving')}>
            {t('start.submit')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

function Suggestion({ reasonId, onChange }: { reasonId: string; onChange: () => void }) {
  const reason = LIBRARY.onboarding.find((r) => r.id === reasonId);
  const program = reason ? getProgram(reason.start.program) : undefined;
  const deck = reason?.start.deck ? getDeck(reason.start.deck) : undefined;
  return (
    <div class="screen onboarding">
      <ScreenTitle>{t('start.suggestionTitle')}</ScreenTitle>
      {reason && <p class="lead">{reason.response}</p>}
      {program && (
        <section aria-labelledby="suggested-program" class="card stack">
          <h2 id="suggested-program">{program.title}</h2>
          <p>{program.summary}</p>
          <div class="actions">
            <a class="button primary" href={`/programs/${program.id}`}>
              {t('start.openProgram', { program: program.title })}
            </a>
          </div>
        </section>
      )}
      {deck && (
        <p>
          <a href={`/decks/${deck.id}`}>{t('start.deckToo', { deck: deck.title })}</a>
        </p>
      )}
      <div class="actions actions-row">
        <button type="button" class="button quiet small" onClick={onChange}>
          {t('start.change')}
        </button>
        <a class="button secondary" href="/">
          {t('start.toToday')}
        </a>
      </div>
    </div>
  );
}
