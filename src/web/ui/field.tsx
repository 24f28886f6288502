import type { ComponentChildren, InputHTMLAttributes, LooseInputHTMLAttributes } from 'preact';
import { useId, useState } from 'preact/hooks';
import { t } from './messages.ts';

type InputAttrs = Omit<LooseInputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'id' | 'label' | 'type'>;

/** Preact types <input> as a union by `type`; ours is chosen at run time, hence the narrowing cast. */
function Input(props: LooseInputHTMLAttributes<HTMLInputElement>) {
  return <input {...(props as InputHTMLAttributes<HTMLInputElement>)} />;
}

interface FieldProps extends InputAttrs {
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: ComponentChildren;
  /** Shown under the field and linked to it; the field is marked invalid. */
  error?: string | null;
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'time';
  /** Extra content linked to the field (password strength, warnings). */
  after?: (describedById: string) => ComponentChildren;
}

function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

/** What an input needs to carry so its label, hint, extra content and error reach assistive tech. */
interface LinkedInput {
  id: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

interface FrameProps extends Pick<FieldProps, 'label' | 'hint' | 'error' | 'after' | 'class'> {
  children: (linked: LinkedInput) => ComponentChildren;
}

/** The label, hint, extra content and error around an input, all linked to it. */
function FieldFrame({ label, hint, error, after, class: className, children }: FrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const afterId = after ? `${id}-after` : null;
  return (
    <div class={['field', error ? 'field-invalid' : '', className].filter(Boolean).join(' ')}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId!} class="field-hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy(hintId, afterId, errorId) })}
      {after && <div id={afterId!}>{after(afterId!)}</div>}
      {error && (
        <p id={errorId!} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled text input with an optional hint and error, all linked for assistive tech. */
export function TextField({ label, value, onValue, hint, error, type = 'text', after, class: className, ...rest }: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} after={after} class={className}>
      {(linked) => (
        <Input {...rest} {...linked} type={type} value={value} onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)} />
      )}
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends Pick<FieldProps, 'label' | 'value' | 'onValue' | 'hint' | 'error' | 'class'> {
  rows?: number;
  maxLength?: number;
  autoFocus?: boolean;
}

/** A labelled multi-line field (notes, a few words), linked to its hint and error like TextField. */
export function TextAreaField({ label, value, onValue, hint, error, class: className, ...rest }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} class={className}>
      {(linked) => <textarea {...rest} {...linked} value={value} onInput={(e) => onValue(e.currentTarget.value)} />}
    </FieldFrame>
  );
}

interface PasswordFieldProps extends Omit<FieldProps, 'type'> {
  autoComplete: 'current-password' | 'new-password';
}

/** A password input with a Show/Hide button (long passphrases are easier to type when visible). */
export function PasswordField({ label, value, onValue, hint, error, after, autoComplete, ...rest }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  return (
    <FieldFrame label={label} hint={hint} error={error} after={after}>
      {(linked) => (
        <div class="password-row">
          <Input
            {...rest}
            {...linked}
            type={visible ? 'text' : 'password'}
            value={value}
            autoComplete={autoComplete}
            autoCapitalize="off"
            autoCorrect="off"
            spellcheck={false}
            onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
          />
          <button
            type="button"
            class="button quiet password-toggle"
            aria-controls={linked.id}
            aria-label={visible ? t('common.hidePassword') : t('common.showPassword')}
            onClick={() => setVisible((v) => !v)}
          >
            {visible ? t('common.hide') : t('common.show')}
          </button>
        </div>
      )}
    </FieldFrame>
  );
}

interface CheckboxProps {
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: ComponentChildren;
}

export function CheckboxField({ label, checked, onChecked, hint }: CheckboxProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="field checkbox-field">
      <div class="checkbox-row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChecked(e.currentTarget.checked)}
          aria-describedby={hintId}
        />
        <label for={id}>{label}</label>
      </div>
      {hint && (
        <p id={hintId} class="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
