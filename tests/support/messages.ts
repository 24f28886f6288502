/**
 * Every message catalog of the web app, for tests: the checks that run on every message, and the
 * page models that find things by their catalog names. The catalogs test makes sure no
 * `messages.ts` under src/web is missing here.
 */
import { appMessages } from '../../src/web/app/messages.ts';
import { insecureMessages } from '../../src/web/app/insecure/messages.ts';
import { accountMessages } from '../../src/web/features/account/messages.ts';
import { careMessages } from '../../src/web/features/care/messages.ts';
import { checkinsMessages } from '../../src/web/features/checkins/messages.ts';
import { comfortMessages } from '../../src/web/features/comfort/messages.ts';
import { exportMessages } from '../../src/web/features/export/messages.ts';
import { libraryMessages } from '../../src/web/features/library/messages.ts';
import { listeningMessages } from '../../src/web/features/listening/messages.ts';
import { notificationsMessages } from '../../src/web/features/notifications/messages.ts';
import { plansMessages } from '../../src/web/features/plans/messages.ts';
import { roundsMessages } from '../../src/web/features/rounds/messages.ts';
import { thinkingMessages } from '../../src/web/features/thinking-of-you/messages.ts';
import { render, type Catalog, type Params } from '../../src/web/platform/i18n/translator.ts';
import { platformMessages } from '../../src/web/platform/messages.ts';
import { spacesMessages } from '../../src/web/spaces/messages.ts';
import { syncMessages } from '../../src/web/sync/messages.ts';
import { uiMessages } from '../../src/web/ui/messages.ts';

/** Each catalog by the file that holds it (relative to src/web). */
export const CATALOGS: Readonly<Record<string, Catalog>> = {
  'app/messages.ts': appMessages,
  'app/insecure/messages.ts': insecureMessages,
  'features/account/messages.ts': accountMessages,
  'features/care/messages.ts': careMessages,
  'features/checkins/messages.ts': checkinsMessages,
  'features/comfort/messages.ts': comfortMessages,
  'features/export/messages.ts': exportMessages,
  'features/library/messages.ts': libraryMessages,
  'features/listening/messages.ts': listeningMessages,
  'features/notifications/messages.ts': notificationsMessages,
  'features/plans/messages.ts': plansMessages,
  'features/rounds/messages.ts': roundsMessages,
  'features/thinking-of-you/messages.ts': thinkingMessages,
  'platform/messages.ts': platformMessages,
  'spaces/messages.ts': spacesMessages,
  'sync/messages.ts': syncMessages,
  'ui/messages.ts': uiMessages,
};

export const allMessages = {
  ...appMessages,
  ...insecureMessages,
  ...accountMessages,
  ...careMessages,
  ...checkinsMessages,
  ...comfortMessages,
  ...exportMessages,
  ...libraryMessages,
  ...listeningMessages,
  ...notificationsMessages,
  ...plansMessages,
  ...roundsMessages,
  ...thinkingMessages,
  ...platformMessages,
  ...spacesMessages,
  ...syncMessages,
  ...uiMessages,
};
export type AnyMessageKey = keyof typeof allMessages;

/** A message as a person sees it (plural forms picked by `count`, as the app's t() does). */
export function text(key: AnyMessageKey, params?: Params): string {
  return render(allMessages[key], params);
}
