/**
 * What one instance lets each person use (ADR 030). Defaults are generous for real couples: a
 * year of daily check-ins, answers and notes is a few megabytes, so only a runaway script or
 * someone filling the disk on purpose meets them. Every limit is set in the environment (env.ts);
 * 0 turns one off.
 */

/** Who may create an account: anyone, people holding an invitation or sign-up link, or only link holders. */
export type SignupMode = 'open' | 'invite' | 'closed';

export interface Limits {
  /** Bytes of records one person has written, across every place they write in. */
  personStorageBytes: number;
  /** Bytes of records in one place (personal or shared), whoever wrote them. */
  spaceStorageBytes: number;
  /** Shared places one person may be in (created or joined) when creating another. */
  spacesPerPerson: number;
  /** Invitations one person may have open at once (not used, withdrawn or expired). */
  openInvitesPerPerson: number;
  /** Writes (records, rounds, answers, places, invitations) per person per minute, sustained. */
  writesPerMinute: number;
  /** Writes one person may make at once before the per-minute rate applies. */
  writeBurst: number;
  /** Live-event streams one session (one browser) may hold open; a newer one closes the oldest. */
  streamsPerSession: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  personStorageBytes: 1024 * MIB,
  spaceStorageBytes: 2048 * MIB,
  spacesPerPerson: 100,
  openInvitesPerPerson: 20,
  writesPerMinute: 300,
  writeBurst: 120,
  streamsPerSession: 6,
};
