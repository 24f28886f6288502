import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LIBRARY } from '../../../../content/library.ts';
import type { Exercise } from '../../../shared/content.ts';
import { TextAreaField } from '../../ui/field.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { announce } from '../../ui/live-region.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useAction } from '../../ui/use-action.ts';
import { roundActions } from './actions.ts';
import { MAX_ROUND_NOTE_CHARS } from './kinds.ts';
import { participantName } from './names.ts';
import { nextStepFor } from './next-step.ts';
import { roundThanks } from './store.ts';
import { ThanksList } from './thanks-list.tsx';
import type { RoundView } from './types.ts';
import { t } from './messages.ts';

/**
 * The last screen of reading together (issue 11, item 5): it closes the moment instead of ending
 * on a dead end. A one-tap thank-you the others see (live), a few optional words for each other,
 * and one gentle idea for another day. Nothing here is required.
 */
export function CloseTogether({ round, exercise, headingRef }: { round: RoundView; exercise: Exercise; headingRef: Ref<HTMLHeadingElement> }) {
  const thanks = roundThanks.value.get(round.id) ?? [];
  const mine = thanks.find((x) => x.isMe);
  const others = thanks.filter((x) => !x.isMe);
  const thank = useAction();
  const sayThanks = () => thank.run(() => roundActions.sayThanks({ spaceId: round.spaceId, roundId: round.id }), t('close.youThanked'));

  // A partner's thank-you arriving while this screen is open is said aloud, once each.
  const heard = useRef(new Set(others.map((x) => x.userId)));
  useEffect(() => {
    for (const x of others) {
      if (heard.current.has(x.userId)) continue;
      heard.current.add(x.userId);
      announce(t('close.theyThanked', { name: participantName({ displayName: x.authorName }) }));
    }
  }, [others.map((x) => x.userId).join()]);

  return (
    <section class="card stack read-step close-together" aria-labelledby="close-title">
      <h2 id="close-title" ref={headingRef} tabIndex={-1}>
        {t('close.title')}
      </h2>
      <p class="closing">{t('read.closing')}</p>
      <ThanksList roundId={round.id} />
      {!mine && (
        <>
          <FormError error={thank.error} onRetry={() => void sayThanks()} />
          <div class="actions">
            <button type="button" class="button primary" aria-disabled={thank.busy ? 'true' : undefined} onClick={() => void sayThanks()}>
              {thank.busy ? t('close.thankBusy') : t('close.thank')}
            </button>
          </div>
        </>
      )}
      <CloseNote round={round} hasNote={mine?.note != null} />
      <NextStep exercise={exercise} />
    </section>
  );
}

function CloseNote({ round, hasNote }: { round: RoundView; hasNote: boolean }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const form = useFormSubmit({
    stays: true,
    check: () => {
      const trimmed = text.trim();
      if (!trimmed) setError(t('close.noteMissing'));
      else if (trimmed.length > MAX_ROUND_NOTE_CHARS) setError(t('round.noteTooLong', { max: MAX_ROUND_NOTE_CHARS }));
      else return true;
      return false;
    },
    action: async () => {
      await roundActions.sayThanks({ spaceId: round.spaceId, roundId: round.id, note: text.trim() });
      announce(t('close.noteSent'));
      setText('');
      setOpen(false);
    },
  });
  if (!open) {
    return (
      <div class="actions actions-inline">
        <button type="button" class="button secondary" aria-expanded="false" onClick={() => setOpen(true)}>
          {hasNote ? t('close.noteChange') : t('close.noteOpen')}
        </button>
      </div>
    );
  }
  return (
    <form ref={form.formRef} class="stack note-form" noValidate onSubmit={form.onSubmit}>
      <TextAreaField
        label={t('close.noteLabel')}
        hint={t('close.noteHint')}
        error={error}
        rows={3}
        autoFocus
        value={text}
        onValue={(v) => {
          setText(v);
          setError(null);
        }}
      />
      <FormError error={form.error} onRetry={form.retry} />
      <div class="actions actions-inline">
        <button type="button" class="button quiet" onClick={() => setOpen(false)}>
          {t('round.noteCancel')}
        </button>
        <SubmitButton busy={form.busy} busyLabel={t('close.noteBusy')}>
          {t('close.noteSend')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** One idea for another day, never a task: a deck, a program, or simply time together. */
function NextStep({ exercise }: { exercise: Exercise }) {
  const step = nextStepFor(exercise, LIBRARY);
  return (
    <div class="stack next-idea">
      <h3>{t('close.nextTitle')}</h3>
      {step.kind === 'deck' && (
        <p>
          {t('close.nextDeck')} <a href={`/decks/${step.id}`}>{step.title}</a>
        </p>
      )}
      {step.kind === 'program' && (
        <p>
          {t('close.nextProgram')} <a href={`/programs/${step.id}`}>{step.title}</a>
        </p>
      )}
      {step.kind === 'time-together' && <p>{t('close.nextTime')}</p>}
    </div>
  );
}
