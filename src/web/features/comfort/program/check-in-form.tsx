import { useId, useState } from 'preact/hooks';
import { TextAreaField } from '../../../ui/field.tsx';
import { FormError } from '../../../ui/form-error.tsx';
import { announce } from '../../../ui/live-region.tsx';
import { ScaleRadios } from '../../../ui/scale-radios.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { t } from '../plan-messages.ts';
import { touchProgramActions } from './actions.ts';
import { CHECK_IN_NOTE_CHARS } from './kinds.ts';

interface Props {
  spaceId: string;
  partnerId: string;
  partnerName: string;
  session: string;
}

function Scale({ which, value, onValue, errorId }: { which: 'safe' | 'close'; value: number | undefined; onValue: (v: number) => void; errorId: string | undefined }) {
  const id = useId();
  return (
    <fieldset class="touch-scale">
      <legend>{t(`touch.${which}`)}</legend>
      <ScaleRadios
        name={`${id}-${which}`}
        min={0}
        max={10}
        value={value}
        onValue={onValue}
        words={{ min: t(`touch.${which}.low`), mid: t(`touch.${which}.mid`), max: t(`touch.${which}.high`) }}
        errorId={errorId}
      />
    </fieldset>
  );
}

/** The check-in after a session: how safe, how close (0-10), and anything to change, in a few words. */
export function CheckInForm({ spaceId, partnerId, partnerName, session }: Props) {
  const [safe, setSafe] = useState<number | undefined>(undefined);
  const [close, setClose] = useState<number | undefined>(undefined);
  const [change, setChange] = useState('');
  const [missing, setMissing] = useState(false);
  const errorId = useId();
  const form = useFormSubmit({
    stays: true,
    check: () => {
      const ok = safe !== undefined && close !== undefined;
      setMissing(!ok);
      return ok;
    },
    action: async () => {
      await touchProgramActions.checkIn(spaceId, partnerId, { session, safe: safe!, close: close!, change });
      setSafe(undefined);
      setClose(undefined);
      setChange('');
      announce(t('touch.checkInSaved', { name: partnerName }));
    },
  });
  const invalid = missing ? errorId : undefined;
  return (
    <form ref={form.formRef} class="card stack touch-check-in" noValidate onSubmit={form.onSubmit} aria-labelledby="touch-check-in-title">
      <h2 id="touch-check-in-title">{t('touch.checkInTitle')}</h2>
      <p>{t('touch.checkInLead')}</p>
      <Scale which="safe" value={safe} onValue={(v) => (setSafe(v), setMissing(false))} errorId={invalid} />
      <Scale which="close" value={close} onValue={(v) => (setClose(v), setMissing(false))} errorId={invalid} />
      {missing && (
        <p id={errorId} class="field-error">
          {t('touch.checkInMissing')}
        </p>
      )}
      <TextAreaField label={t('touch.change')} hint={t('touch.changeHint')} value={change} onValue={setChange} maxLength={CHECK_IN_NOTE_CHARS} rows={3} />
      <FormError error={form.error} onRetry={form.retry} />
      <SubmitButton busy={form.busy} busyLabel={t('touch.saveCheckIn')}>
        {t('touch.saveCheckIn')}
      </SubmitButton>
    </form>
  );
}
