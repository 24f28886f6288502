import { HELP } from '../../../../../content/help.ts';
import { HelpPageView } from './help-page.tsx';

/**
 * "I don't feel safe": words, helplines and the quiet ways out. It writes nothing, anywhere, and
 * tells nobody: no record, no notification, no request (e2e: tests/e2e/care.test.ts).
 */
export default function Unsafe() {
  return <HelpPageView page={HELP.unsafe} resourcesAfter="now" />;
}
