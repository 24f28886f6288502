/**
 * Every message catalog of the web app, for tests: the checks that run on every message, and the
 * page models that find things by their catalog names. The catalogs test makes sure no
 * `messages.ts` under src/web is missing here.
 */
import { appMessages } from '../../src/web/app/messages.ts';
import { accountMessages } from '../../src/web/features/account/messages.ts';
import { checkinsMessages } from '../../src/web/features/checkins/messages.ts';
import { libraryMessages } from '../../src/web/features/library/messages.ts';
import { roundsMessages } from '../../src/web/features/rounds/messages.ts';
import { render, type Catalog, type Params } from '../../src/web/platform/i18n/translator.ts';
import { platformMessages } from '../../src/web/platform/messages.ts';
import { spacesMessages } from '../../src/web/spaces/messages.ts';
import { syncMessages } from '../../src/web/sync/messages.ts';
import { uiMessages } from '../../src/web/ui/messages.ts';

/** Each catalog by the file that holds it (relative to src/web). */
export const CATALOGS: Readonly<Record<string, Catalog>> = {
  'app/messages.ts': appMessages,
  'features/account/messages.ts': accountMessages,
  'features/checkins/messages.ts': checkinsMessages,
  'features/library/messages.ts': libraryMessages,
  'features/rounds/messages.ts': roundsMessages,
  'platform/messages.ts': platformMessages,
  'spaces/messages.ts': spacesMessages,
  'sync/messages.ts': syncMessages,
  'ui/messages.ts': uiMessages,
};

export const allMessages = {
  ...appMessages,
  ...accountMessages,
  ...checkinsMessages,
  ...libraryMessages,
  ...roundsMessages,
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
