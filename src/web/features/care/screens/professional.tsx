import { HELP } from '../../../../../content/help.ts';
import { HelpPageView } from './help-page.tsx';

/** When and how to get professional help. */
export default function Professional() {
  return <HelpPageView page={HELP.professional} />;
}
