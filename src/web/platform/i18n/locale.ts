/** The language of the catalogs; dates and numbers are formatted in it too, so sentences read as one. */
export const LOCALE = 'en';

/**
 * An Intl formatter made on first use, then kept. Making one loads the locale's data (several
 * milliseconds on a phone): made at import, three of them held up Today's start (issue 10).
 */
export function formatter<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
