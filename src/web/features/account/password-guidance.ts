/**
 * Password guidance that favours length over composition rules (NIST SP 800-63B §5.1.1.2 and
 * OWASP ASVS V2.1): at least MIN_PASSWORD_CHARS characters, any characters allowed, no rules
 * about digits or symbols; suggest a passphrase; warn (never block) when the password is one of
 * the most common ones or contains the email address. Pure: no DOM, no I/O.
 */
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const MIN_PASSWORD_CHARS = 8;

export type StrengthLevel = 'empty' | 'too-short' | 'fair' | 'good' | 'strong' | 'very-strong';

/** Length thresholds (in characters) at which each level starts. */
const LEVEL_FROM_CHARS: ReadonlyArray<readonly [StrengthLevel, number]> = [
  ['very-strong', 24],
  ['strong', 16],
  ['good', 12],
  ['fair', MIN_PASSWORD_CHARS],
];

export interface PasswordAssessment {
  /** In characters (Unicode code points after NFKC), not bytes: an emoji counts as one. */
  length: number;
  level: StrengthLevel;
  /** 0 (empty) to 5 (very strong), for a simple bar. */
  score: number;
  meetsMinimum: boolean;
  isCommon: boolean;
  containsEmail: boolean;
}

const COMMON = new Set(COMMON_PASSWORDS);
const LEVELS: readonly StrengthLevel[] = ['empty', 'too-short', 'fair', 'good', 'strong', 'very-strong'];

function normalize(password: string): string {
  return password.normalize('NFKC');
}

export function passwordLength(password: string): number {
  return [...normalize(password)].length;
}

/**
 * True for a very common password, also with digits or symbols stuck on either end
 * ("Password1!", "!!monkey", "iloveyou2024"), since those are the first guesses an attacker tries.
 */
export function isCommonPassword(password: string): boolean {
  const lower = normalize(password).trim().toLowerCase();
  if (lower.length === 0) return false;
  if (COMMON.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+/, '').replace(/[\d\W_]+$/, '');
  if (core.length >= 4 && core !== lower && COMMON.has(core)) return true;
  // The same short word or number twice ("passwordpassword", "123123123123").
  for (let n = 4; n <= lower.length / 2; n++) {
    if (lower.length % n === 0 && lower === lower.slice(0, n).repeat(lower.length / n) && COMMON.has(lower.slice(0, n))) {
      return true;
    }
  }
  return false;
}

function containsEmailOf(password: string, email: string | undefined): boolean {
  if (!email) return false;
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  return local.length >= 3 && normalize(password).toLowerCase().includes(local);
}

export function assessPassword(password: string, options: { email?: string } = {}): PasswordAssessment {
  const length = passwordLength(password);
  const isCommon = isCommonPassword(password);
  const containsEmail = containsEmailOf(password, options.email);
  let level: StrengthLevel = 'empty';
  if (length > 0) {
    level = LEVEL_FROM_CHARS.find(([, from]) => length >= from)?.[0] ?? 'too-short';
  }
  // Length says little when the password is a famous one, the email, or one character repeated.
  const distinct = new Set(normalize(password)).size;
  if ((isCommon || containsEmail || distinct <= 3) && LEVELS.indexOf(level) > LEVELS.indexOf('fair')) {
    level = 'fair';
  }
  return {
    length,
    level,
    score: LEVELS.indexOf(level),
    meetsMinimum: length >= MIN_PASSWORD_CHARS,
    isCommon,
    containsEmail,
  };
}
