import { useId, useState } from 'preact/hooks';
import { getSheet } from '../../../../../content/help.ts';
import type { QuestionSheet } from '../../../../shared/help.ts';
import { announce } from '../../../ui/live-region.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { authStatus } from '../../../vault/status.ts';
import { careActions } from '../actions.ts';
import { NOTE_MAX_CHARS } from '../kinds.ts';
import { careNotes, careReady } from '../store.ts';
import { t } from '../messages.ts';
import { BackToHelp } from './help-links.tsx';
import '../care.css';

/** The sheet as plain text: the start of a note the person then makes their own. */
export function sheetAsText(sheet: QuestionSheet): string {
  return sheet.groups.map((g) => [g.title, ...g.questions.map((q) => `- ${q.text}`)].join('\n')).join('\n\n');
}

/** A question sheet to take to an appointment: printable, and (unlocked) kept as a private note. */
export default function Sheet({ id }: { id: string }) {
  const sheet = getSheet(id);
  if (!sheet) {
    return (
      <div class="screen help">
        <BackToHelp />
        <ScreenTitle>{t('sheet.notFound')}</ScreenTitle>
      </div>
    );
  }
  return (
    <div class="screen help">
      <BackToHelp />
      <div class="print-area">
        <ScreenTitle>{sheet.title}</ScreenTitle>
        <p class="lead">{sheet.summary}</p>
        {sheet.intro.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {authStatus.value === 'unlocked' ? <NoteOrSheet sheet={sheet} /> : <SheetQuestions sheet={sheet} />}
      </div>
      {authStatus.value !== 'unlocked' && <p class="muted">{t('sheet.signedOut')}</p>}
    </div>
  );
}

function PrintButton() {
  return (
    <div class="actions actions-row">
      <button type="button" class="button secondary" onClick={() => print()}>
        {t('sheet.print')}
      </button>
    </div>
  );
}

function SheetQuestions({ sheet }: { sheet: QuestionSheet }) {
  return (
    <>
      {sheet.groups.map((g) => (
        <section key={g.id} class="sheet-group" aria-labelledby={`sheet-${g.id}`}>
          <h2 id={`sheet-${g.id}`}>{g.title}</h2>
          <ul>
            {g.questions.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ul>
        </section>
      ))}
      <PrintButton />
    </>
  );
}

/** The sheet, or my note made from it; editing opens the note (or the sheet's questions) in a text box. */
function NoteOrSheet({ sheet }: { sheet: QuestionSheet }) {
  const note = careNotes.value.get(sheet.id);
  const [editing, setEditing] = useState(false);
  if (editing) return <NoteEditor sheet={sheet} initial={note ?? sheetAsText(sheet)} hasNote={note !== undefined} onDone={() => setEditing(false)} />;
  return (
    <>
      {note !== undefined ? (
        <section class="card sheet-group" aria-labelledby="my-note">
          <h2 id="my-note">{t('sheet.noteTitle')}</h2>
          <p class="muted">{t('sheet.noteAbout')}</p>
          <p class="note-text">{note}</p>
        </section>
      ) : (
        <SheetQuestions sheet={sheet} />
      )}
      <div class="actions actions-row">
        {note !== undefined && (
          <button type="button" class="button secondary" onClick={() => print()}>
            {t('sheet.print')}
          </button>
        )}
        <button type="button" class="button primary" disabled={!careReady.value} onClick={() => setEditing(true)}>
          {note !== undefined ? t('sheet.editNote') : t('sheet.makeNote')}
        </button>
      </div>
    </>
  );
}

function NoteEditor({ sheet, initial, hasNote, onDone }: { sheet: QuestionSheet; initial: string; hasNote: boolean; onDone: () => void }) {
  const id = useId();
  const [text, setText] = useState(initial);
  const tooLong = text.trim().length > NOTE_MAX_CHARS;
  const form = useFormSubmit({
    check: () => !tooLong,
    action: async () => {
      await careActions.saveNote({ sheet: sheet.id, text });
      announce(text.trim() === '' ? t('sheet.noteCleared') : t('sheet.noteSaved'));
      onDone();
    },
    stays: true,
  });
  return (
    <form ref={form.formRef} class="stack note-editor sheet-group" noValidate onSubmit={form.onSubmit}>
      <h2>{t('sheet.noteTitle')}</h2>
      <p class="muted">{t('sheet.noteAbout')}</p>
      <div class={`field${tooLong ? ' field-invalid' : ''}`}>
        <label for={id}>{t('sheet.noteLabel')}</label>
        <p id={`${id}-hint`} class="field-hint">
          {t('sheet.noteHint', { max: NOTE_MAX_CHARS })}
        </p>
        <textarea
          id={id}
          value={text}
          aria-describedby={`${id}-hint${tooLong ? ` ${id}-error` : ''}`}
          aria-invalid={tooLong ? 'true' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {tooLong && (
          <p id={`${id}-error`} class="field-error">
            {t('sheet.noteTooLong', { count: text.trim().length, max: NOTE_MAX_CHARS })}
          </p>
        )}
      </div>
      <FormError error={form.error} onRetry={form.retry} />
      <div class="actions actions-row">
        <button type="button" class="button quiet" onClick={onDone}>
          {t('sheet.noteCancel')}
        </button>
        {hasNote && (
          <button type="button" class="button secondary" onClick={() => setText('')}>
            {t('sheet.noteClear')}
          </button>
        )}
        <SubmitButton busy={form.busy} busyLabel={t('sheet.noteSaving')}>
          {t('sheet.noteSave')}
        </SubmitButton>
      </div>
    </form>
  );
}
