import { describe, expect, it } from 'vitest';
import type { Checkin } from './checkin.ts';
import { checkinsToCsv, csvCell } from './csv.ts';

const ck = (at: number, extra: Partial<Checkin> = {}): Checkin => ({ v: 1, at, tz: 'Europe/Berlin', emotional: 6, physical: 4, ...extra });
const HEADER = 'date,time,timezone,emotional,physical,energy,pain_or_fatigue,stress,note\r\n';

describe('checkinsToCsv', () => {
  it('is just the header for no check-ins', () => {
    expect(checkinsToCsv([], 'UTC')).toBe(HEADER);
  });

  it('writes one row per check-in in time order, in the given zone, with empty optional cells', () => {
    const later = ck(Date.UTC(2024, 5, 2, 19, 5), { energy: 3, pain: 0, stress: 7, note: 'tired' });
    const earlier = ck(Date.UTC(2024, 5, 1, 22, 30));
    expect(checkinsToCsv([later, earlier], 'Europe/Berlin')).toBe(
      HEADER + '2024-06-02,00:30,Europe/Berlin,6,4,,,,\r\n' + '2024-06-02,21:05,Europe/Berlin,6,4,3,0,7,tired\r\n',
    );
    expect(checkinsToCsv([earlier], 'America/New_York')).toBe(HEADER + '2024-06-01,18:30,America/New_York,6,4,,,,\r\n');
  });

  it('quotes notes with quotes, commas and line breaks (RFC 4180)', () => {
    const csv = checkinsToCsv([ck(Date.UTC(2024, 0, 1, 12), { note: 'we said "later", then\nwe talked\r\nfor hours' })], 'UTC');
    expect(csv).toBe(HEADER + '2024-01-01,12:00,UTC,6,4,,,,"we said ""later"", then\nwe talked\r\nfor hours"\r\n');
  });

  it('defuses formula injection in notes', () => {
    const notes = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
    const csv = checkinsToCsv(notes.map((note, i) => ck(Date.UTC(2024, 0, 1, i), { note })), 'UTC');
    const lines = csv.split('\r\n');
    expect(lines[1]!.endsWith(`,"'=HYPERLINK(""http://x"",""y"")"`)).toBe(true);
    expect(lines[2]!.endsWith(",'+1")).toBe(true);
    expect(lines[3]!.endsWith(",'-2+3")).toBe(true);
    expect(lines[4]!.endsWith(",'@SUM(A1)")).toBe(true);
    expect(lines[5]!.endsWith(",'\tx")).toBe(true);
    expect(csv).toContain(`,"'\rx"\r\n`);
  });
});

describe('csvCell', () => {
  it('leaves plain text alone and quotes only when needed', () => {
    expect(csvCell('plain words')).toBe('plain words');
    expect(csvCell('')).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('mid-sentence = fine')).toBe('mid-sentence = fine');
    expect(csvCell('-')).toBe("'-");
  });
});
