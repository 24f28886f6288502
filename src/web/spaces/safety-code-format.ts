/**
 * A safety code is 60 digits (12 groups of 5, as in Signal's safety numbers), easy to read aloud.
 * The vault computes it; here we only lay it out.
 */
const SAFETY_GROUP_DIGITS = 5;

export function safetyCodeDigits(code: string): string {
  return code.replace(/\D/g, '');
}

export function safetyCodeGroups(code: string): string[] {
  const digits = safetyCodeDigits(code);
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += SAFETY_GROUP_DIGITS) groups.push(digits.slice(i, i + SAFETY_GROUP_DIGITS));
  return groups;
}
