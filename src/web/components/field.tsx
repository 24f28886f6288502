import type { ComponentChildren, InputHTMLAttributes, LooseInputHTMLAttributes } from 'preact';
import { useId, useState } from 'preact/hooks';
import { t } from '../i18n/t.ts';

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
  type?: 'text' | 'email' | 'password' | 'search' | 'url';
  /** Extra content linked to the field (password strength, warnings). */
  after?: (describedById: string) => ComponentChildren;
}

function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

/** A labelled text input with an optional hint and error, all linked for assistive tech. */
export function TextField({ label, value, onValue, hint, error, type = 'text', after, class: className, ...rest }: FieldProps) {
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
      <Input
        {...rest}
        id={id}
        type={type}
        value={value}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hintId, afterId, errorId)}
      />
      {after && <div id={afterId!}>{after(afterId!)}</div>}
      {error && (
        <p id={errorId!} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface PasswordFieldProps extends Omit<FieldProps, 'type'> {
  autoComplete: 'current-password' | 'new-password';
}

/** A password input with a Show/Hide button (long passphrases are easier to type when visible). */
export function PasswordField({ label, value, onValue, hint, error, after, autoComplete, ...rest }: PasswordFieldProps) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const afterId = after ? `${id}-after` : null;
  return (
    <div class={['field', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId!} class="field-hint">
          {hint}
        </p>
      )}
      <div class="password-row">
        <Input
          {...rest}
          id={id}
          type={visible ? 'text' : 'password'}
          value={value}
          autoComplete={autoComplete}
          autoCapitalize="off"
          autoCorrect="off"
          spellcheck={false}
          onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(hintId, afterId, errorId)}
        />
        <button
          type="button"
          class="button quiet password-toggle"
          aria-controls={id}
          aria-label={visible ? t('common.hidePassword') : t('common.showPassword')}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? t('common.hide') : t('common.show')}
        </button>
      </div>
      {after && <div id={afterId!}>{after(afterId!)}</div>}
      {error && (
        <p id={errorId!} class="field-error">
          {error}
        </p>
      )}
    </div>
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
