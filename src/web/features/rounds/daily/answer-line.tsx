import { useId, useRef, useState } from 'preact/hooks';
import { FormError } from '../../../ui/form-error.tsx';
import { announce } from '../../../ui/live-region.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { t } from '../messages.ts';
import { dailyActions } from './actions.ts';
import { MAX_DAILY_ANSWER_CHARS, type DailyOutcome } from './types.ts';

interface Props {
  spaceId: string;
  day: string;
  exerciseId: string;
  alone: boolean;
  /** Told how it went (the screen says why an answer was kept only for me). */
  onDone(outcome: DailyOutcome): void;
}

/** One line, or pass. Shared when everyone is ready, or kept for me when I answer alone. */
export function AnswerLine({ spaceId, day, exerciseId, alone, onDone }: Props) {
  // Today holds one of these per place: each needs its own ids.
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const passing = useRef(false);
  const form = useFormSubmit({
    stays: true,
    check: () => {
      if (passing.current) return true;
      const trimmed = text.trim();
      const problem = trimmed.length === 0 ? t('daily.answerMissing') : trimmed.length > MAX_DAILY_ANSWER_CHARS ? t('daily.answerTooLong', { max: MAX_DAILY_ANSWER_CHARS }) : null;
      setInvalid(problem);
      return problem === null;
    },
    action: async () => {
      const pass = passing.current;
      passing.current = false;
      const outcome = await dailyActions.answer({ spaceId, day, exerciseId, text: pass ? null : text });
      if (outcome.outcome === 'in') announce(t('live.dailyIn'));
      if (outcome.outcome === 'private') announce(t('live.dailyKept'));
      onDone(outcome);
    },
  });
  return (
    <form ref={form.formRef} class="stack daily-form" noValidate onSubmit={form.onSubmit}>
      <p class="muted small">{alone ? t('daily.whoSeesAlone') : t('daily.whoSeesShared')}</p>
      <div class="field">
        <label for={`${id}-answer`}>{t('daily.answerLabel')}</label>
        <input
          id={`${id}-answer`}
          type="text"
          autocomplete="off"
          enterkeyhint="send"
          maxLength={MAX_DAILY_ANSWER_CHARS}
          value={text}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setInvalid(null);
          }}
        />
        <p id={`${id}-hint`} class="field-hint">
          {t('daily.answerHint', { max: MAX_DAILY_ANSWER_CHARS })}
        </p>
        {invalid && (
          <p id={`${id}-error`} class="field-error">
            {invalid}
          </p>
        )}
      </div>
      <FormError error={form.error} onRetry={form.retry} />
      <div class="actions actions-row">
        <SubmitButton busy={form.busy} busyLabel={t('daily.busy')}>
          {alone ? t('daily.saveAlone') : t('daily.share')}
        </SubmitButton>
        <button
          type="submit"
          class="button secondary"
          aria-disabled={form.busy ? 'true' : undefined}
          onClick={() => {
            // A tap while busy is ignored by the form: it must not turn the next send into a pass.
            if (!form.busy) passing.current = true;
          }}
        >
          {t('daily.pass')}
        </button>
      </div>
      <p class="muted small">{t('daily.final')}</p>
    </form>
  );
}
