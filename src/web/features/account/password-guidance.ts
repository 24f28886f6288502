/**
 * Password guidance that favours length over composition rules (NIST SP 800-63B §5.1.1.2 and
 * OWASP ASVS V2.1): at least MIN_PASSWORD_CHARS characters, any characters allowed, no rules
 * about digits or symbols; suggest a passphrase; warn (never block) when the password is easy to
 * guess or contains the email address. How easy it is to guess comes from zxcvbn
 * (password-strength.ts, loaded when needed); this part is pure: no DOM, no I/O.
 */
import type { GuessScore } from './password-strength.ts';

export const MIN_PASSWORD_CHARS = 8;

export type StrengthLevel = 'empty' | 'too-short' | 'easy-to-guess' | 'fair' | 'good' | 'strong';

export interface PasswordAssessment {
  /** In characters (Unicode code points after NFKC), not bytes: an emoji counts as one. */
  length: number;
  level: StrengthLevel;
  /** 0 (empty) to 5 (strong), for a simple bar. */
  score: number;
  meetsMinimum: boolean;
  /** A common password, a keyboard run, a repeated pattern: guessed among the first tries. */
  easyToGuess: boolean;
  containsEmail: boolean;
}

const LEVELS: readonly StrengthLevel[] = ['empty', 'too-short', 'easy-to-guess', 'fair', 'good', 'strong'];
/** zxcvbn's score (0-4) for a password that is long enough. */
const LEVEL_BY_GUESS_SCORE: readonly StrengthLevel[] = ['easy-to-guess', 'easy-to-guess', 'fair', 'good', 'strong'];

function normalize(password: string): string {
  return password.normalize('NFKC');
}

export function passwordLength(password: string): number {
  return [...normalize(password)].length;
}

/** The email, its local part, and the local part's pieces: what zxcvbn should count as known. */
export function personalWords(email: string | undefined): string[] {
  const address = email?.trim().toLowerCase() ?? '';
  const local = address.split('@')[0] ?? '';
  return [address, local, ...local.split(/[^a-z0-9]+/)].filter((w) => w.length >= 3);
}

function containsEmailOf(password: string, email: string | undefined): boolean {
  const local = email?.trim().toLowerCase().split('@')[0] ?? '';
  return local.length >= 3 && normalize(password).toLowerCase().includes(local);
}

/** `guessScore`: zxcvbn's score for this password (with personalWords(email)). */
export function assessPassword(password: string, options: { email?: string; guessScore: GuessScore }): PasswordAssessment {
  const length = passwordLength(password);
  const meetsMinimum = length >= MIN_PASSWORD_CHARS;
  const containsEmail = containsEmailOf(password, options.email);
  let level: StrengthLevel = length === 0 ? 'empty' : meetsMinimum ? LEVEL_BY_GUESS_SCORE[options.guessScore]! : 'too-short';
  // A password built on the email address is never more than fair, however long.
  if (containsEmail && LEVELS.indexOf(level) > LEVELS.indexOf('fair')) level = 'fair';
  return {
    length,
    level,
    score: LEVELS.indexOf(level),
    meetsMinimum,
    easyToGuess: length > 0 && options.guessScore <= 1,
    containsEmail,
  };
}
