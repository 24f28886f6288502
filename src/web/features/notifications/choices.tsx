import { useState } from 'preact/hooks';
import { CheckboxField, TextField } from '../../ui/field.tsx';
import { announce } from '../../ui/live-region.tsx';
import { SubmitButton } from '../../ui/submit-button.tsx';
import { useFocusIfLost } from '../../ui/use-focus-if-lost.ts';
import { useFocusInvalid } from '../../ui/use-focus-invalid.ts';
import type { DeviceSettings } from './device-settings.ts';
import { pushProblem, type PushProblem } from './errors.ts';
import { t } from './messages.ts';
import { buildPrefs, DETAIL_LEVELS, deviceTimeZone, formFromPrefs, prefsProblems, type DetailLevel, type PrefsForm, type PrefsProblem } from './prefs.ts';
import { save } from './push-device.ts';

const EVENTS = ['joined', 'opened', 'waiting', 'thinking', 'reply', 'plan', 'listening', 'bad-day'] as const;

interface Props {
  settings: DeviceSettings;
  onOff: () => Promise<void>;
}

/** The choices of a device where notifications are on; saving sends them again (PUT). */
export function Choices({ settings, onOff }: Props) {
  const [form, setForm] = useState<PrefsForm>(() => formFromPrefs(settings.prefs));
  const [detail, setDetail] = useState<DetailLevel>(settings.detail);
  const [shown, setShown] = useState<PrefsProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [turningOff, setTurningOff] = useState(false);
  const [problem, setProblem] = useState<PushProblem | null>(null);
  const { formRef, focusInvalid } = useFocusInvalid();
  // Just turned on: the button that was tapped is gone, so focus comes to the note saying so.
  const onNote = useFocusIfLost<HTMLParagraphElement>();
  const zone = deviceTimeZone();
  const update = (patch: Partial<PrefsForm>) => setForm((f) => ({ ...f, ...patch }));
  const problemText = (p: PrefsProblem) => (shown.includes(p) ? t(`notifications.problem.${p}`) : null);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const problems = prefsProblems(form);
    setShown(problems);
    if (problems.length) {
      focusInvalid();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await save({ prefs: buildPrefs(form, zone), detail });
      announce(t('notifications.saved'));
    } catch (error) {
      setProblem(pushProblem(error));
    } finally {
      setBusy(false);
    }
  }

  async function off() {
    if (turningOff) return;
    setTurningOff(true);
    await onOff();
  }

  return (
    <>
      <p ref={onNote} tabIndex={-1} class="notice notice-success">
        {t('notifications.onNote')}
      </p>
      <form ref={formRef} class="stack" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset class="card stack">
          <legend>{t('notifications.eventsLegend')}</legend>
          {EVENTS.map((kind) => (
            <CheckboxField
              key={kind}
              label={t(`notifications.event.${kind}`)}
              checked={form.events[kind]}
              onChecked={(on) => update({ events: { ...form.events, [kind]: on } })}
            />
          ))}
        </fieldset>
        <fieldset class="card stack">
          <legend>{t('notifications.quietLegend')}</legend>
          <CheckboxField label={t('notifications.quiet')} checked={form.quiet} onChecked={(quiet) => update({ quiet })} hint={t('notifications.quietHint', { zone })} />
          {form.quiet && (
            <div class="time-pair">
              <TextField
                type="time"
                label={t('notifications.quietStart')}
                value={form.quietStart}
                onValue={(quietStart) => update({ quietStart })}
                error={problemText('quietStart') ?? problemText('quietSame')}
              />
              <TextField type="time" label={t('notifications.quietEnd')} value={form.quietEnd} onValue={(quietEnd) => update({ quietEnd })} error={problemText('quietEnd')} />
            </div>
          )}
        </fieldset>
        <fieldset class="card stack">
          <legend>{t('notifications.reminderLegend')}</legend>
          <CheckboxField
            label={t('notifications.reminder')}
            checked={form.reminder}
            onChecked={(reminder) => update({ reminder })}
            hint={t('notifications.reminderHint', { zone })}
          />
          {form.reminder && (
            <div class="time-pair">
              <TextField type="time" label={t('notifications.reminderAt')} value={form.reminderAt} onValue={(reminderAt) => update({ reminderAt })} error={problemText('reminderAt')} />
            </div>
          )}
        </fieldset>
        <fieldset class="choice-fieldset stack">
          <legend class="group-legend">{t('notifications.detailLegend')}</legend>
          {DETAIL_LEVELS.map((level) => (
            <label key={level} class="card pick-card">
              <input
                type="radio"
                name="detail"
                value={level}
                checked={detail === level}
                aria-describedby={`detail-${level}-about`}
                onChange={() => setDetail(level)}
              />
              <span class="pick-text">
                <span class="pick-title">{t(`notifications.detail.${level}`)}</span>
                <span id={`detail-${level}-about`} class="pick-about muted">
                  {t(`notifications.detail.${level}About`)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {problem && (
          <div class={`notice ${problem.calm ? 'notice-info' : 'notice-error'}`} role="alert">
            <p>{problem.text}</p>
          </div>
        )}
        <div class="actions">
          <SubmitButton busy={busy} busyLabel={t('notifications.saving')}>
            {t('notifications.save')}
          </SubmitButton>
        </div>
      </form>
      <section aria-labelledby="off-title" class="stack quiet-section">
        <h2 id="off-title">{t('notifications.offTitle')}</h2>
        <p class="muted" id="off-hint">
          {t('notifications.offHint')}
        </p>
        <div class="actions">
          <button
            type="button"
            class="button secondary"
            aria-describedby="off-hint"
            aria-disabled={turningOff ? 'true' : undefined}
            onClick={() => void off()}
          >
            {turningOff ? t('notifications.turningOff') : t('notifications.turnOff')}
          </button>
        </div>
      </section>
    </>
  );
}
