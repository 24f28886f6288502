/**
 * How hard a password is to guess, by zxcvbn-ts with its common-password and keyboard-pattern
 * data (ADR 021). Its dictionaries are large, so this module loads only on the screens that ask
 * for a new password (see new-password-fields.tsx), never on the first screen.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

const zxcvbn = new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });

/** zxcvbn's score: 0 and 1 are guessed quickly (common passwords, keyboard runs), 4 is very unlikely to be. */
export type GuessScore = 0 | 1 | 2 | 3 | 4;

/** `personal`: words an attacker would try first for this person (their email and its parts). */
export function guessScore(password: string, personal: readonly string[] = []): GuessScore {
  return zxcvbn.check(password, [...personal]).score as GuessScore;
}
