import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { EncryptedCopy } from '../encrypted-copy.tsx';
import { ImportCopy } from '../import-copy.tsx';
import { ReadableCopy } from '../readable-copy.tsx';
import { t } from '../messages.ts';
import '../export.css';

/** Your data: a copy to read, an encrypted copy to move, and bringing an encrypted copy in. */
export default function YourDataScreen() {
  return (
    <div class="screen your-data">
      <ScreenTitle>{t('data.title')}</ScreenTitle>
      <p class="lead">{t('data.lead')}</p>
      <ReadableCopy />
      <EncryptedCopy />
      <ImportCopy />
      <p class="aside-link">
        <a href="/settings">{t('data.back')}</a>
      </p>
    </div>
  );
}
