/**
 * Signals and actions for check-ins. Screens read the signals and call the actions; the
 * implementation lives in engine.ts and loads on demand (see actions.ts).
 */
import { signal } from '@preact/signals';
import { checkins } from './actions.ts';
import type { Checkin } from './checkin.ts';

/** The first screen that reads one of these signals loads the check-ins engine. */
const { watched } = checkins;

export interface MyCheckin {
  /** The record id in my personal space. */
  id: string;
  checkin: Checkin;
  /** Still in the outbox (written offline, or not yet acknowledged). */
  pending: boolean;
}

/** A partner who shares their scores with me in at least one space. */
export interface PartnerCheckins {
  userId: string;
  name: string;
  /** Their check-ins, oldest first; a check-in shared in two spaces appears once. */
  checkins: Checkin[];
}

export interface CheckinSettings {
  /** Show energy, pain or fatigue (and overlay them on the chart). */
  health: boolean;
  /** Shared spaces that receive my scores with each new check-in. */
  shareWith: string[];
}

export interface CheckinSettingsView extends CheckinSettings {
  /** False until the person has saved a choice: the screens then state the default. */
  chosen: boolean;
}

/** Nothing shared and no health scales until the person chooses (stated before the first check-in). */
export const DEFAULT_CHECKIN_SETTINGS: CheckinSettingsView = { health: false, shareWith: [], chosen: false };

/** My check-ins (personal space, mine still queued included), oldest first; updated live. */
export const myCheckins = signal<MyCheckin[]>([], watched);
/** Partners who share scores with me, by name; updated live. */
export const partnerCheckins = signal<PartnerCheckins[]>([], watched);
/** My check-in choices. */
export const checkinSettings = signal<CheckinSettingsView>(DEFAULT_CHECKIN_SETTINGS, watched);
/**
 * Set by the check-in screen as it saves and read once by the lines screen, which then leads with
 * the chart and today's point. Not a record: a reload simply shows the usual screen.
 */
export const justSaved = signal<{ at: number } | null>(null);
/** False until the engine has published from this device's cache at least once. */
export const checkinsReady = signal(false, watched);

export interface CheckinInput {
  emotional: number;
  physical: number;
  energy?: number;
  pain?: number;
  stress?: number;
  note?: string;
  /** Send the note with the scores to the spaces I share with (never without a clear choice). */
  shareNote: boolean;
}

export interface CheckinActions {
  /**
   * Saves a check-in in my personal space and a copy of the scores (and the note, if chosen) in
   * each shared space I share with. Works offline: everything is queued and sent later.
   */
  checkIn(input: CheckinInput): Promise<{ id: string }>;
  /**
   * `removeSharedFrom`: spaces whose copies of my check-ins are deleted too (from the server now,
   * from the partners' devices when they next sync).
   */
  saveCheckinSettings(settings: CheckinSettings & { removeSharedFrom?: string[] }): Promise<void>;
}
