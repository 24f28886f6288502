/** The language of the catalogs; dates and numbers are formatted in it too, so sentences read as one. */
export const LOCALE = 'en';
