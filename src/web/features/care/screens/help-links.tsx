import { t } from '../messages.ts';

/** Back to the help centre's start, at the top of each help page. */
export function BackToHelp() {
  return (
    <p>
      <a class="help-back" href="/help">
        ‹ {t('help.back')}
      </a>
    </p>
  );
}
