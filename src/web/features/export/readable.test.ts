import { describe, expect, it } from 'vitest';
import { flatten, readableFiles, type ReadablePlace } from './readable.ts';

const AT = Date.UTC(2026, 0, 2, 9, 30);
const places: ReadablePlace[] = [
  {
    title: 'Just me',
    kind: 'personal',
    entries: [
      { kind: 'checkin', author: 'You', at: AT, fields: { checkin: { v: 1, at: AT, tz: 'Europe/Berlin', emotional: 6, physical: 4, note: '=HYPERLINK("x")' } } },
      { kind: 'comfort-answers', author: 'You', at: AT, fields: { answers: { 'hold-hands': 'yes' }, hiddenGroups: ['touch', 'sex'] } },
    ],
  },
  { title: 'Us <3', kind: 'shared', entries: [{ kind: 'checkin', author: 'Sam', at: AT, fields: { checkin: { v: 1, at: AT, tz: 'UTC', emotional: 7, physical: 7 } } }] },
];

describe('the copy to read', () => {
  it('flattens nested fields into columns, times as dates and lists as text', () => {
    expect(flatten({ checkin: { at: AT, emotional: 6 }, hiddenGroups: ['a', 'b'], note: null })).toEqual({
      'checkin.at': '2026-01-02T09:30:00.000Z',
      'checkin.emotional': '6',
      hiddenGroups: 'a; b',
      note: '',
    });
  });

  it('makes a page, JSON and one CSV per kind across places, defused against formulas', () => {
    const files = readableFiles(places, AT);
    expect(Object.keys(files).sort()).toEqual(['csv/checkin.csv', 'csv/comfort-answers.csv', 'innermost.html', 'innermost.json']);
    const csv = files['csv/checkin.csv']!.split('\r\n');
    expect(csv[0]).toBe('place,by,saved,checkin.v,checkin.at,checkin.tz,checkin.emotional,checkin.physical,checkin.note');
    expect(csv[1]).toBe(`Just me,You,2026-01-02T09:30:00.000Z,1,2026-01-02T09:30:00.000Z,Europe/Berlin,6,4,"'=HYPERLINK(""x"")"`);
    expect(csv[2]).toBe('Us <3,Sam,2026-01-02T09:30:00.000Z,1,2026-01-02T09:30:00.000Z,UTC,7,7,');
    expect(JSON.parse(files['innermost.json']!).places[1]).toEqual({
      name: 'Us <3',
      kind: 'shared',
      records: [{ kind: 'checkin', by: 'Sam', saved: '2026-01-02T09:30:00.000Z', checkin: { v: 1, at: AT, tz: 'UTC', emotional: 7, physical: 7 } }],
    });
    const html = files['innermost.html']!;
    expect(html).toContain('<h2>Us &#60;3</h2>');
    expect(html).toContain('<h3>Check-ins</h3>');
    expect(html).toContain('<h3>Comfort map</h3>');
    expect(html).not.toContain('Us <3');
  });
});
