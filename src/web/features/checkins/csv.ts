/**
 * Export of my check-ins as CSV (RFC 4180: CRLF line ends, fields with quotes, commas or line
 * breaks quoted, quotes doubled). Cells that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) are prefixed with a single quote. Pure.
 */
import type { Checkin } from './checkin.ts';
import { localParts } from '../../platform/calendar.ts';
import { csvCell } from '../../platform/csv.ts';

const CSV_HEADER = ['date', 'time', 'timezone', 'emotional', 'physical', 'energy', 'pain_or_fatigue', 'stress', 'note'] as const;

/** One CSV field: defused against formula injection, then quoted when RFC 4180 requires it. */
export { csvCell };

const optional = (n: number | undefined): string => (n === undefined ? '' : String(n));

/**
 * One row per check-in, oldest first (ties keep input order), with date and time ('YYYY-MM-DD',
 * 'HH:MM', 24-hour) in the zone `tz`, which the timezone column names. Lines end with CRLF.
 */
export function checkinsToCsv(checkins: readonly Checkin[], tz: string): string {
  const rows = [CSV_HEADER.join(',')];
  const sorted = [...checkins].sort((a, b) => a.at - b.at);
  for (const c of sorted) {
    const { day, time } = localParts(c.at, tz);
    rows.push(
      [day, time, tz, String(c.emotional), String(c.physical), optional(c.energy), optional(c.pain), optional(c.stress), c.note ?? '']
        .map(csvCell)
        .join(','),
    );
  }
  return rows.map((r) => `${r}\r\n`).join('');
}
