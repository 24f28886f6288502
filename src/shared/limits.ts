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
/**
 * The largest key epoch (and any other count the API takes that lands in a 32-bit integer
 * column): PostgreSQL's `integer` holds up to 2^31 - 1. Epochs grow by one per key rotation, so
 * this bound is never reached in use; it keeps a hostile value a 400 rather than a database error.
 */
export const MAX_INT32 = 2 ** 31 - 1;

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A session's last-seen time is written at most this often, to keep reads cheap. */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;
export const INVITE_TTL_MS = 48 * 60 * 60 * 1000;

export const RECORDS_PAGE_MAX = 500;
export const RECORDS_PAGE_DEFAULT = 200;

/** Sign-up (every attempt counts, per address): attempts per fixed window. */
export const RATE_LIMIT_WINDOW_MS = 15 * 60 * 1000;
export const RATE_LIMIT_SIGNUP_MAX = 20;

/**
 * Lock-out after wrong passwords, recovery codes and invite tokens (ADR 030): only failures
 * count, per account and per address (a known device: per device). The first LOCKOUT_FREE_FAILURES
 * cost nothing; each one after that makes the next attempt wait twice as long as the last, from
 * LOCKOUT_BASE_DELAY_MS up to LOCKOUT_MAX_DELAY_MS. A quiet LOCKOUT_RESET_MS forgets them.
 */
export const LOCKOUT_FREE_FAILURES = 5;
export const LOCKOUT_BASE_DELAY_MS = 2 * 1000;
export const LOCKOUT_MAX_DELAY_MS = 15 * 60 * 1000;
export const LOCKOUT_RESET_MS = 24 * 60 * 60 * 1000;
/** A device that signed in keeps a signed "known device" cookie this long. */
export const KNOWN_DEVICE_TTL_MS = 365 * 24 * 60 * 60 * 1000;

export const SSE_HEARTBEAT_MS = 25 * 1000;

/** Comfort match (ADR 026): points per message at most (a catalog of 200 items, two tiers each). */
export const MAX_COMFORT_SLOTS = 400;
/** A comfort match's message: an envelope of 32 bytes per slot (41 bytes of framing). */
export const comfortCiphertextBytes = (slots: number): number => 41 + 32 * slots;
/** An open comfort match expires after a day; its messages are deleted then. */
export const COMFORT_RUN_TTL_MS = 24 * 60 * 60 * 1000;
/** A new comfort match for the same pair starts no sooner than this after the previous one. */
export const COMFORT_RUN_WAIT_MS = 10 * 60 * 1000;
