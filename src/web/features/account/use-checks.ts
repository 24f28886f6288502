import { useState } from 'preact/hooks';
import { t, type MessageKey } from './messages.ts';
import { MIN_PASSWORD_CHARS } from './password-guidance.ts';

/** One field's check: what to say under the field (or null), and a way to take it down. */
export interface FieldCheck {
  message: string | null;
  clear(): void;
}

export interface FormChecks<F extends string> {
  /** Shows a fresh result for every field; true when all of them passed. */
  show(found: Record<F, MessageKey | null>): boolean;
  field(name: F): FieldCheck;
}

/**
 * The checks a form makes before sending (validate.ts gives catalog keys; every check's message
 * takes the same parameters). Each problem stays under its field until the person edits that field.
 */
export function useChecks<F extends string>(fields: readonly F[]): FormChecks<F> {
  const [found, setFound] = useState(() => Object.fromEntries(fields.map((name) => [name, null])) as Record<F, MessageKey | null>);
  return {
    show(next) {
      setFound(next);
      return Object.values<MessageKey | null>(next).every((key) => key === null);
    },
    field(name) {
      const key = found[name];
      return {
        message: key ? t(key, { min: MIN_PASSWORD_CHARS }) : null,
        clear: () => setFound((current) => ({ ...current, [name]: null })),
      };
    },
  };
}
