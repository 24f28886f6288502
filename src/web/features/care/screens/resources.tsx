import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { t } from '../messages.ts';
import { BackToHelp } from './help-links.tsx';
import { ResourcesList } from './resources-list.tsx';
import '../care.css';

/** Helplines for the region picked on this device (the operator's list, or the defaults). */
export default function Resources() {
  return (
    <div class="screen help">
      <BackToHelp />
      <ScreenTitle>{t('resources.title')}</ScreenTitle>
      <p class="lead">{t('resources.lead')}</p>
      <ResourcesList />
    </div>
  );
}
