import type { DescribedError } from '../platform/errors/error-catalog.ts';
import { t } from './messages.ts';

interface Props {
  error: DescribedError | null;
  /** Offered when the error is one that trying again usually fixes. */
  onRetry?: () => void;
}

/** An error from an action, in the catalog's words, right where the person is looking. */
export function FormError({ error, onRetry }: Props) {
  if (!error) return null;
  return (
    <div class={`notice notice-${error.kind === 'security' ? 'security' : 'error'}`} role="alert">
      <p>{error.message}</p>
      {onRetry && error.retryable && (
        <button type="button" class="button secondary small" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}
