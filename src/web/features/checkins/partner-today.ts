/**
 * Partners who checked in today and share it with me, for Today's calm cards ("Sam checked in
 * today"): people first, never a count or a badge. Pure, so the rules are tested on their own.
 */
import type { Checkin } from './checkin.ts';
import { localDay } from '../../platform/calendar.ts';
import type { PartnerCheckins } from './store.ts';

export interface PartnerToday {
  userId: string;
  name: string;
  /** Their last check-in of my calendar day (what the chart shows for today). */
  checkin: Checkin;
}

/**
 * For each partner who shares with me, their last check-in whose moment falls on `today` on MY
 * calendar (`dayOf`: this device's day by default, the day the chart puts it on), in the store's
 * order (by name). Today asks this on every visit, so the default needs no time-zone formatter.
 */
export function partnersToday(partners: readonly PartnerCheckins[], today: string, dayOf: (at: number) => string = localDay): PartnerToday[] {
  const out: PartnerToday[] = [];
  for (const p of partners) {
    let latest: Checkin | null = null;
    for (const c of p.checkins) if (dayOf(c.at) === today && (!latest || c.at >= latest.at)) latest = c;
    if (latest) out.push({ userId: p.userId, name: p.name, checkin: latest });
  }
  return out;
}
