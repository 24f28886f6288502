/** How check-in sharing is described on screen: which spaces receive my scores, by name. */
import { shareableSpaces } from '../../spaces/my-spaces.ts';
import type { SpaceView } from '../../spaces/types.ts';
import { listNames } from '../../platform/i18n/format.ts';
import { spaceTitle } from '../../spaces/names.ts';

/** The spaces of `shareWith` that still exist and are mine to write to, in the app's order. */
export function sharedSpaces(list: readonly SpaceView[], shareWith: readonly string[]): SpaceView[] {
  return shareableSpaces(list).filter((s) => shareWith.includes(s.id));
}

/** "Home and Weekend" for the spaces that receive my scores. */
export function sharedSpacesLine(list: readonly SpaceView[], shareWith: readonly string[]): string | null {
  const names = sharedSpaces(list, shareWith).map(spaceTitle);
  return names.length ? listNames(names) : null;
}
