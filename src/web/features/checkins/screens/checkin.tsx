import { useLocation } from 'preact-iso';
import { useId, useState } from 'preact/hooks';
import { FormError } from '../../../ui/form-error.tsx';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { CHECKIN_LIMITS, type Scale } from '../checkin.ts';
import { checkinActions } from '../actions.ts';
import { WhoSees } from '../who-sees.tsx';
import { ScaleSlider } from '../scale-slider.tsx';
import { checkinSettings, checkinsReady, justSaved, myCheckins } from '../store.ts';
import { syncState } from '../../../sync/status.ts';
import { t, type MessageKey } from '../messages.ts';
import '../checkins.css';

const words = (scale: Scale) => ({
  min: t(`checkin.${scale}.low` as MessageKey),
  mid: t(`checkin.${scale}.mid` as MessageKey),
  max: t(`checkin.${scale}.high` as MessageKey),
});

interface ScaleFieldProps {
  scale: Scale;
  label: string;
  value: number | undefined;
  onValue: (value: number | undefined) => void;
  error?: boolean;
  /** Optional scales can be left out again after a tap. */
  optional?: boolean;
}

/** One scale as a group: its question as the legend, a 0-to-10 slider with words at the ends and middle. */
function ScaleField({ scale, label, value, onValue, error = false, optional = false }: ScaleFieldProps) {
  const id = useId();
  return (
    <fieldset class={`checkin-scale${error ? ' field-invalid' : ''}`}>
      <legend id={`${id}-legend`}>{label}</legend>
      <ScaleSlider labelledBy={`${id}-legend`} value={value} onValue={onValue} words={words(scale)} errorId={error ? `${id}-error` : undefined} />
      {error && (
        <p id={`${id}-error`} class="field-error">
          {t('checkin.missing')}
        </p>
      )}
      {optional && value !== undefined && (
        <button type="button" class="button quiet small" onClick={() => onValue(undefined)}>
          {t('checkin.clear', { scale: label.toLowerCase() })}
        </button>
      )}
    </fieldset>
  );
}

/**
 * The check-in: two taps and save. Energy and pain or fatigue appear for people who turned the
 * health options on; stress and a private note wait behind "Add". Who will see it is said before
 * it is made. Works offline: the check-in is queued, shown in the lines at once, and sent later.
 */
export default function CheckinScreen() {
  const { route } = useLocation();
  const settings = checkinSettings.value;
  const first = checkinsReady.value && myCheckins.value.length === 0 && !settings.chosen;
  const [emotional, setEmotional] = useState<number | undefined>(undefined);
  const [physical, setPhysical] = useState<number | undefined>(undefined);
  const [energy, setEnergy] = useState<number | undefined>(undefined);
  const [pain, setPain] = useState<number | undefined>(undefined);
  const [stress, setStress] = useState<number | undefined>(undefined);
  const [note, setNote] = useState('');
  const [shareNote, setShareNote] = useState(false);
  const [missing, setMissing] = useState<{ emotional: boolean; physical: boolean }>({ emotional: false, physical: false });
  const [healthBusy, setHealthBusy] = useState(false);
  const noteId = useId();
  const noteTooLong = note.length > CHECKIN_LIMITS.noteChars;
  const sharesSomewhere = settings.shareWith.length > 0;

  const form = useFormSubmit({
    check: () => {
      const next = { emotional: emotional === undefined, physical: physical === undefined };
      setMissing(next);
      return !next.emotional && !next.physical && !noteTooLong;
    },
    action: async () => {
      await checkinActions.checkIn({
        emotional: emotional!,
        physical: physical!,
        ...(settings.health && energy !== undefined && { energy }),
        ...(settings.health && pain !== undefined && { pain }),
        ...(stress !== undefined && { stress }),
        ...(note.trim() && { note: note.trim() }),
        shareNote: sharesSomewhere && shareNote && note.trim() !== '',
      });
      announce(syncState.value.online ? t('checkin.saved') : t('checkin.savedOffline'));
      justSaved.value = { at: Date.now() };
      route('/closeness');
    },
  });

  async function turnOnHealth() {
    if (healthBusy) return;
    setHealthBusy(true);
    try {
      await checkinActions.saveCheckinSettings({ health: true, shareWith: settings.shareWith });
    } finally {
      setHealthBusy(false);
    }
  }

  return (
    <div class="screen checkin">
      <ScreenTitle>{t('checkin.title')}</ScreenTitle>
      <p class="lead">{t('checkin.lead')}</p>
      <WhoSees first={first} />
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        <ScaleField
          scale="emotional"
          label={t('checkin.emotional')}
          value={emotional}
          error={missing.emotional}
          onValue={(v) => {
            setEmotional(v);
            setMissing((m) => ({ ...m, emotional: false }));
          }}
        />
        <ScaleField
          scale="physical"
          label={t('checkin.physical')}
          value={physical}
          error={missing.physical}
          onValue={(v) => {
            setPhysical(v);
            setMissing((m) => ({ ...m, physical: false }));
          }}
        />
        {settings.health ? (
          <>
            <ScaleField scale="energy" label={t('checkin.energy')} value={energy} onValue={setEnergy} optional />
            <ScaleField scale="pain" label={t('checkin.pain')} value={pain} onValue={setPain} optional />
          </>
        ) : (
          <p class="muted health-offer">
            {t('checkin.healthHint')}{' '}
            <button type="button" class="button quiet small" aria-disabled={healthBusy ? 'true' : undefined} onClick={() => void turnOnHealth()}>
              {t('checkin.healthTurnOn')}
            </button>
          </p>
        )}
        <details class="card details-card checkin-more" open={stress !== undefined || note !== '' || undefined}>
          <summary>{t('checkin.more')}</summary>
          <div class="stack">
            <ScaleField scale="stress" label={t('checkin.stress')} value={stress} onValue={setStress} optional />
            <div class={`field${noteTooLong ? ' field-invalid' : ''}`}>
              <label for={noteId}>{t('checkin.note')}</label>
              <p id={`${noteId}-hint`} class="field-hint">
                {t('checkin.noteHint')}
              </p>
              <textarea
                id={noteId}
                rows={3}
                value={note}
                aria-describedby={`${noteId}-hint${noteTooLong ? ` ${noteId}-error` : ''}`}
                aria-invalid={noteTooLong ? 'true' : undefined}
                onInput={(e) => setNote(e.currentTarget.value)}
              />
              {noteTooLong && (
                <p id={`${noteId}-error`} class="field-error">
                  {t('checkin.noteTooLong', { max: CHECKIN_LIMITS.noteChars })}
                </p>
              )}
            </div>
            {sharesSomewhere && note.trim() !== '' && (
              <div class="checkbox-row">
                <input id={`${noteId}-share`} type="checkbox" checked={shareNote} onChange={(e) => setShareNote(e.currentTarget.checked)} />
                <label for={`${noteId}-share`}>{t('checkin.shareNote')}</label>
              </div>
            )}
          </div>
        </details>
        <FormError error={form.error} onRetry={form.retry} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel={t('checkin.saving')}>
            {t('checkin.save')}
          </SubmitButton>
        </div>
      </form>
      <p class="aside-link">
        <a href="/closeness">{t('checkin.seeLines')}</a>
      </p>
    </div>
  );
}
