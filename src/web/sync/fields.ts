/**
 * Field schemas that several kinds share (zod/mini: the validation library of the whole app,
 * measured at a few KB gzip). Kinds import these; sync itself validates only the envelope.
 */
import { z } from 'zod/mini';
import { isUuid } from '../../shared/ids.ts';

/** Text trimmed, then between `min` and `max` characters. */
export const trimmed = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const uuid = z.string().check(z.refine(isUuid, 'must be a UUID'));

const KEBAB_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A content id (program, step, deck, question, exercise, item): kebab-case, at most 64 characters. */
export const contentId = z.string().check(z.maxLength(64), z.regex(KEBAB_RE));

/** Far beyond the spaces anyone shares with; only bounds hostile input. */
const MAX_SHARE_TARGETS = 100;

/** A set of space ids (duplicates removed). */
export const spaceIdSet = z.pipe(
  z.array(uuid).check(z.maxLength(MAX_SHARE_TARGETS)),
  z.transform((ids: string[]) => [...new Set(ids)]),
);

/** A value parsed by a hand-written function (null = refused), as a schema. */
export function parsedBy<T>(parse: (value: unknown) => T | null) {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx) => {
      const out = parse(value);
      if (out === null) {
        ctx.issues.push({ code: 'custom', message: 'invalid', input: value });
        return z.NEVER;
      }
      return out;
    }),
  );
}
