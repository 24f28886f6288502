/**
 * What to say when turning notifications on or saving fails: refusal, an unsupported browser, an
 * instance without push, offline, each kindly; anything else as the app says it elsewhere.
 */
import { ActionError } from '../../platform/errors/action-error.ts';
import { t } from './messages.ts';

export interface PushProblem {
  text: string;
  /** A choice the person made or a fact of this browser, said calmly rather than as an error. */
  calm: boolean;
}

export function pushProblem(error: unknown): PushProblem {
  const code = error instanceof ActionError ? error.code : '';
  switch (code) {
    case 'push-denied':
      return { text: t('notifications.error.denied'), calm: true };
    case 'push-disabled':
      return { text: t('notifications.error.disabled'), calm: true };
    case 'push-unsupported':
      return { text: t('notifications.error.unsupported'), calm: true };
    case 'offline':
    case 'network':
      return { text: t('notifications.error.offline'), calm: false };
    default:
      return { text: t('notifications.error.failed'), calm: false };
  }
}
