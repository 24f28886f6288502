/** Limits shared by server and client. Constants carry their unit in the name. */

const KIB = 1024;

/** Largest JSON body any route accepts (a record at MAX_RECORD_BYTES plus base64 and framing). */
export const MAX_BODY_BYTES = 128 * KIB;
/** Largest ciphertext of one record (padded plaintext + 41 bytes of envelope). */
export const MAX_RECORD_BYTES = 64 * KIB;
/** Largest sealed key, wrapped key or signed membership entry. */
export const MAX_SEALED_BYTES = 4 * KIB;
export const MAX_MEMBERSHIP_ENTRY_BYTES = 16 * KIB;
/** A signed departure: a space id, a user id and a 32-byte hash, framed and signed (~250 bytes). */
export const MAX_DEPARTURE_BYTES = 1 * KIB;
/** Records one deletion (a tombstone) can name: a sharing turned off, a space left. */
export const MAX_DELETES_PER_WRITE = 500;
/** Departures one account deletion can carry (one per shared space; the body stays under MAX_BODY_BYTES). */
export const MAX_SPACES_PER_DEPARTURE_LIST = 64;
/**
 * Largest ciphertext of one round submission (an answer to one exercise: padded plaintext + 41
 * bytes of envelope). Smaller than a record: an answer is a few paragraphs at most.
 */
export const MAX_SUBMISSION_BYTES = 32 * KIB;
/** A space holds at most this many members (a couple, a triad, a small polycule). */
export const MAX_SPACE_MEMBERS = 12;
export const MAX_EMAIL_CHARS = 254;

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A session's last-seen time is written at most this often, to keep reads cheap. */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;
export const INVITE_TTL_MS = 48 * 60 * 60 * 1000;

export const RECORDS_PAGE_MAX = 500;
export const RECORDS_PAGE_DEFAULT = 200;

/** Sign-in, recovery and invite routes: attempts per window per key (account or address). */
export const RATE_LIMIT_WINDOW_MS = 15 * 60 * 1000;
export const RATE_LIMIT_SIGNIN_MAX = 10;
export const RATE_LIMIT_RECOVERY_MAX = 5;
export const RATE_LIMIT_INVITE_MAX = 30;
export const RATE_LIMIT_SIGNUP_MAX = 20;

export const SSE_HEARTBEAT_MS = 25 * 1000;
