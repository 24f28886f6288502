/** The export screen's own failures in its words; anything else in the app's (error catalog). */
import { ActionError } from '../../platform/errors/action-error.ts';
import { describeError } from '../../platform/errors/error-catalog.ts';
import { t } from './messages.ts';

const OWN = {
  'archive-invalid': 'data.notArchive',
  'archive-newer': 'data.newer',
  'archive-wrong-passphrase': 'data.wrongPassphrase',
  'archive-too-big': 'data.tooBig',
} as const;

export function exportErrorText(error: unknown): string {
  if (error instanceof ActionError && Object.hasOwn(OWN, error.code)) return t(OWN[error.code as keyof typeof OWN]);
  return describeError(error).message;
}
