/**
 * The copy to read: everything this device can read, as files made here (pure). A printable page
 * (innermost.html), one CSV per kind of thing (csv/<kind>.csv, safe to open in a spreadsheet) and
 * the same in JSON (innermost.json) for other programs. The screen zips them (zip.ts).
 *
 * Kinds are walked generically (sync/readable.ts): a record's fields are flattened into columns
 * ("checkin.emotional"), so a new kind appears here without this file knowing it.
 */
import { csvRow } from '../../platform/csv.ts';
import { kindLabel, t } from './messages.ts';

export interface ReadableEntry {
  kind: string;
  /** Who wrote it, as this person knows them ("You", a partner's name). */
  author: string;
  /** When the server stored it. */
  at: number;
  /** The record's own fields (its plaintext without k, v and n). */
  fields: Record<string, unknown>;
}

export interface ReadablePlace {
  title: string;
  kind: 'personal' | 'shared';
  entries: ReadableEntry[];
}

/** Epoch milliseconds from 2001 on, under a field that names a time, read as a date. */
const TIME_FIELD = /(^|\.)(at|other)$/;
const FROM_2001_MS = 978_307_200_000;

function cell(path: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && TIME_FIELD.test(path) && value >= FROM_2001_MS) return new Date(value).toISOString();
  if (Array.isArray(value)) return value.every((v) => typeof v !== 'object' || v === null) ? value.join('; ') : JSON.stringify(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Fields flattened to one level: nested objects become "outer.inner" columns. */
export function flatten(fields: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) Object.assign(out, flatten(value as Record<string, unknown>, path));
    else out[path] = cell(path, value);
  }
  return out;
}

interface Table {
  kind: string;
  columns: string[];
  rows: { place: string; author: string; stored: string; values: Record<string, string> }[];
}

function tables(places: readonly ReadablePlace[]): Table[] {
  const byKind = new Map<string, Table>();
  for (const place of places) {
    for (const entry of place.entries) {
      let table = byKind.get(entry.kind);
      if (!table) byKind.set(entry.kind, (table = { kind: entry.kind, columns: [], rows: [] }));
      const values = flatten(entry.fields);
      for (const column of Object.keys(values)) if (!table.columns.includes(column)) table.columns.push(column);
      table.rows.push({ place: place.title, author: entry.author, stored: new Date(entry.at).toISOString(), values });
    }
  }
  return [...byKind.values()];
}

/** A kind's id as a safe file name (ids are already kebab-case; anything else is replaced). */
const fileName = (kind: string): string => kind.replace(/[^a-z0-9-]/gi, '_');

export function readableCsv(table: Table): string {
  const lines = [csvRow(['place', 'by', 'saved', ...table.columns])];
  for (const row of table.rows) lines.push(csvRow([row.place, row.author, row.stored, ...table.columns.map((c) => row.values[c] ?? '')]));
  return lines.map((line) => `${line}\r\n`).join('');
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One page that prints well: a section per place, a table per kind of thing. */
export function readableHtml(places: readonly ReadablePlace[], exportedAt: number): string {
  const date = new Date(exportedAt).toISOString().slice(0, 10);
  const parts = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t('data.page.title'))}</title>`,
    '<style>body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem;color:#222}table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}',
    'th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f1ece7}',
    'section{break-inside:avoid-page}@media print{body{margin:0;font-size:11pt}}</style></head><body>',
    `<h1>${escapeHtml(t('data.page.title'))}</h1><p>${escapeHtml(t('data.page.made', { date }))}</p>`,
  ];
  for (const place of places) {
    parts.push(`<section><h2>${escapeHtml(place.title)}</h2>`);
    const placeTables = tables([place]);
    if (placeTables.length === 0) parts.push(`<p>${escapeHtml(t('data.page.empty'))}</p>`);
    for (const table of placeTables) {
      parts.push(`<h3>${escapeHtml(kindLabel(table.kind))}</h3><table><thead><tr>`);
      for (const head of [t('data.page.author'), t('data.page.stored'), ...table.columns]) parts.push(`<th scope="col">${escapeHtml(head)}</th>`);
      parts.push('</tr></thead><tbody>');
      for (const row of table.rows) {
        parts.push('<tr>');
        for (const value of [row.author, row.stored.slice(0, 16).replace('T', ' '), ...table.columns.map((c) => row.values[c] ?? '')]) parts.push(`<td>${escapeHtml(value)}</td>`);
        parts.push('</tr>');
      }
      parts.push('</tbody></table>');
    }
    parts.push('</section>');
  }
  parts.push('</body></html>');
  return parts.join('');
}

/** Every file of the copy to read, by its path in the zip. */
export function readableFiles(places: readonly ReadablePlace[], exportedAt: number): Record<string, string> {
  const json = {
    exportedAt: new Date(exportedAt).toISOString(),
    places: places.map((p) => ({
      name: p.title,
      kind: p.kind,
      records: p.entries.map((e) => ({ kind: e.kind, by: e.author, saved: new Date(e.at).toISOString(), ...e.fields })),
    })),
  };
  const files: Record<string, string> = {
    'innermost.html': readableHtml(places, exportedAt),
    'innermost.json': `${JSON.stringify(json, null, 2)}\n`,
  };
  for (const table of tables(places)) files[`csv/${fileName(table.kind)}.csv`] = readableCsv(table);
  return files;
}
