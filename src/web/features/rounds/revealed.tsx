import { useEffect, useId, useState } from 'preact/hooks';
import { CONTENT_LIMITS, type Exercise, type ExerciseItem } from '../../../shared/content.ts';
import { TextAreaField } from '../../ui/field.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { announce } from '../../ui/live-region.tsx';
import { useFocusIfLost } from '../../ui/use-focus-if-lost.ts';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { roundActions } from './actions.ts';
import { roundNotes } from './store.ts';
import { ThanksList } from './thanks-list.tsx';
import { markOpenedSeen } from './on-device.ts';
import { ReadingInvite } from './reading-invite.tsx';
import { me } from '../../vault/status.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import type { FollowUpNote, RevealedRound, RoundView } from './types.ts';
import { t } from './messages.ts';
import { formatDateTime } from '../../platform/i18n/format.ts';
import { AnswerView } from './answer-view.tsx';
import { participantName } from './names.ts';
import { useRevealed } from './use-revealed.ts';

/** Notes are short: "what I meant was…", not a second answer. */
const NOTE_MAX_CHARS = CONTENT_LIMITS.answerChars;

/**
 * Once everyone has answered: "Read together" first (issue 11, item 5), then everyone's answers,
 * line by line, as written (one tap away: "See all answers"), with follow-up notes per line and
 * the thank-yous of reading together.
 */
export function Revealed({ round, exercise }: { round: RoundView; exercise: Exercise }) {
  const { state, reload } = useRevealed(round);
  // Looked at on this device: Today stops offering these answers as news.
  useEffect(() => void markOpenedSeen(round.id), [round.id]);
  if (state.kind === 'loading') return <p class="muted" role="status">{t('round.opening')}</p>;
  if (state.kind === 'failed') {
    return (
      <div class="notice notice-error" role="alert">
        <p>{t('round.openFailed')}</p>
        <button type="button" class="button secondary small" onClick={reload}>
          {t('common.tryAgain')}
        </button>
      </div>
    );
  }
  return <RevealedAnswers round={round} exercise={exercise} data={state.data} />;
}

function RevealedAnswers({ round, exercise, data }: { round: RoundView; exercise: Exercise; data: RevealedRound }) {
  const lead = useFocusIfLost<HTMLParagraphElement>();
  return (
    <>
      <p class="lead" ref={lead} tabIndex={-1}>
        {t('round.revealedLead')}
      </p>
      <ReadingInvite spaceId={round.spaceId} />
      {exercise.readTogether && (
        <div class="card stack read-together-card">
          <p>{t('round.readTogetherHint')}</p>
          <div class="actions">
            <a class="button primary" href={`/spaces/${round.spaceId}/rounds/${round.id}/read`}>
              {t('round.readTogether')}
            </a>
            <a
              class="button secondary"
              href="#all-answers"
              onClick={(e) => {
                // Stay on this address (the router would treat it as a new screen): move there.
                e.preventDefault();
                document.getElementById('all-answers')?.focus();
                document.getElementById('all-answers')?.scrollIntoView({ block: 'start' });
              }}
            >
              {t('round.seeAll')}
            </a>
          </div>
        </div>
      )}
      <ThanksList roundId={round.id} />
      <h2 id="all-answers" class="all-answers-title" tabIndex={-1}>
        {t('round.allAnswers')}
      </h2>
      {exercise.items.map((item, i) => (
        <RevealedItem key={item.id} round={round} item={item} index={i} total={exercise.items.length} data={data} />
      ))}
      {exercise.after.note && <p class="muted">{exercise.after.note}</p>}
    </>
  );
}

function RevealedItem({ round, item, index, total, data }: { round: RoundView; item: ExerciseItem; index: number; total: number; data: RevealedRound }) {
  const id = useId();
  // Notes arrive live (mine show at once, even while still being sent).
  const allNotes = roundNotes.value.get(round.id) ?? data.notes;
  const notes = allNotes.filter((n) => n.itemId === item.id).sort((a, b) => a.createdAt - b.createdAt);
  return (
    <section class="card stack revealed-item" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="item-legend">
        <span class="item-number">{t('exercise.itemNumber', { n: index + 1, total })}</span>
        {' '}
        <span class="item-prompt">{item.prompt}</span>
      </h2>
      <ul class="answer-list" role="list">
        {data.answers.map((person) => (
          <li key={person.userId} class="answer-row">
            <p class="answer-author">{participantName(person)}{round.participants.find((p) => p.userId === person.userId)?.isMe ? ` (${t('space.you')})` : ''}</p>
            {person.verified ? (
              <AnswerView item={item} answer={person.answers[item.id]} />
            ) : (
              <p class="notice notice-security small">{t('round.unverified')}</p>
            )}
          </li>
        ))}
      </ul>
      {notes.length > 0 && <NoteList spaceId={round.spaceId} notes={notes} />}
      <NoteForm round={round} itemId={item.id} />
    </section>
  );
}

function NoteList({ spaceId, notes }: { spaceId: string; notes: FollowUpNote[] }) {
  const id = useId();
  const myId = me.value?.id;
  const [deleting, setDeleting] = useState<FollowUpNote | null>(null);
  return (
    <div class="notes">
      <h3 id={id}>{t('round.notesTitle')}</h3>
      <ul class="note-list" role="list" aria-labelledby={id}>
        {notes.map((n) => (
          <li key={n.id} class="note">
            <p class="note-meta muted small">
              {t('round.noteBy', { name: participantName({ displayName: n.authorName }) })} · {formatDateTime(n.createdAt)}
            </p>
            <p class="note-text">{n.text}</p>
            {n.authorId === myId && (
              <button type="button" class="button quiet small" onClick={() => setDeleting(n)}>
                {t('round.noteDelete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('round.noteDeleteTitle')}
        confirmLabel={t('round.noteDeleteConfirm')}
        busyLabel={t('round.noteDeleteBusy')}
        cancelLabel={t('round.noteDeleteCancel')}
        variant="danger"
        onConfirm={async () => {
          if (!deleting) return;
          await roundActions.deleteFollowUpNote({ spaceId, noteId: deleting.id });
          announce(t('live.noteDeleted'));
        }}
      >
        <p>{t('round.noteDeleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

function NoteForm({ round, itemId }: { round: RoundView; itemId: string }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const form = useFormSubmit({
    stays: true,
    check: () => {
      const trimmed = text.trim();
      if (!trimmed) setError(t('round.noteMissing'));
      else if (trimmed.length > NOTE_MAX_CHARS) setError(t('round.noteTooLong', { max: NOTE_MAX_CHARS }));
      else return true;
      return false;
    },
    action: async () => {
      await roundActions.addFollowUpNote({ spaceId: round.spaceId, roundId: round.id, itemId, text: text.trim() });
      announce(t('live.noteAdded'));
      setText('');
      setOpen(false);
    },
  });

  if (!open) {
    return (
      <div class="actions actions-inline">
        <button type="button" class="button secondary small" aria-expanded="false" onClick={() => setOpen(true)}>
          {t('round.addNote')}
        </button>
      </div>
    );
  }
  return (
    <form ref={form.formRef} class="stack note-form" noValidate onSubmit={form.onSubmit}>
      <TextAreaField
        label={t('round.noteLabel')}
        hint={`${t('round.noteHint')} ${t('round.noteWho')}`}
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
        <button type="button" class="button quiet small" onClick={() => setOpen(false)}>
          {t('round.noteCancel')}
        </button>
        <SubmitButton busy={form.busy} busyLabel={t('round.noteBusy')}>
          {t('round.noteSubmit')}
        </SubmitButton>
      </div>
    </form>
  );
}
