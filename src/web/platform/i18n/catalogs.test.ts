import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../../tests/support/messages.ts';
import { formatRelative, listNames } from './format.ts';
import { render, translator, type Message } from './translator.ts';

const WEB = resolve(import.meta.dirname, '../..');

function catalogFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return catalogFiles(path);
    return name === 'messages.ts' ? [relative(WEB, path)] : [];
  });
}

/** Every text of every message: a plain message, or each of its plural forms. */
const TEXTS: [string, string][] = Object.values(CATALOGS).flatMap((catalog) =>
  Object.entries(catalog).flatMap(([key, message]: [string, Message]) =>
    typeof message === 'string' ? [[key, message] as [string, string]] : Object.entries(message).map(([form, text]) => [`${key}.${form}`, text] as [string, string]),
  ),
);

describe('message catalogs', () => {
  it('every catalog under src/web is checked here', () => {
    expect(catalogFiles(WEB).sort()).toEqual(Object.keys(CATALOGS).sort());
  });

  it('no key is defined twice across catalogs (a screen could show the wrong room’s words)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, catalog] of Object.entries(CATALOGS)) {
      for (const key of Object.keys(catalog)) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${file}`);
        seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
  });

  it('has no empty message and no stray whitespace', () => {
    expect(TEXTS.length).toBeGreaterThan(500);
    for (const [key, text] of TEXTS) {
      expect(text.trim(), key).toBe(text);
      expect(text.length, key).toBeGreaterThan(0);
    }
  });

  it('uses only well-formed {placeholders}', () => {
    for (const [key, text] of TEXTS) expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[{}]/);
  });

  it('uses plain words: no "seal", "epoch", "key" or "space" where a person reads it', () => {
    // The machinery's words (a round's sealed answers, a space's epochs and keys) stay in the code;
    // people read of "shared places" and "Just me". {placeholders} are not words.
    const jargon = /\b(seal\w*|epochs?|keys?|spaces?)\b/i;
    expect(TEXTS.filter(([, text]) => jargon.test(text.replace(/\{\w+\}/g, ''))).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    expect(jargon.test('Seal my answers')).toBe(true);
    expect(jargon.test('a new key')).toBe(true);
    expect(jargon.test('keyboard and keeping')).toBe(false);
    expect(jargon.test('Your spaces')).toBe(true);
  });

  it('gives every plural message an "other" form and only real plural categories', () => {
    const categories = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
    for (const catalog of Object.values(CATALOGS)) {
      for (const [key, message] of Object.entries(catalog)) {
        if (typeof message === 'string') continue;
        expect(message.other, key).toBeTypeOf('string');
        for (const form of Object.keys(message)) expect(categories.has(form), `${key}.${form}`).toBe(true);
      }
    }
  });
});

describe('translator', () => {
  const { t, has } = translator({
    'leave.title': 'Leave {space}?',
    'join.members': { one: 'One member so far.', other: '{count} members so far.' },
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(t('leave.title', { space: 'Us' })).toBe('Leave Us?');
    expect(t('leave.title')).toBe('Leave {space}?');
  });

  it('does not interpret $ patterns in values', () => {
    expect(t('leave.title', { space: '$& $1' })).toBe('Leave $& $1?');
  });

  it('picks plural forms with Intl.PluralRules', () => {
    expect(t('join.members', { count: 1 })).toBe('One member so far.');
    expect(t('join.members', { count: 3 })).toBe('3 members so far.');
    expect(t('join.members', { count: 0 })).toBe('0 members so far.');
    // A language whose rules need a form the message lacks falls back to "other".
    expect(render({ other: '{count} left' }, { count: 1 })).toBe('1 left');
  });

  it('knows which keys it has (for keys made at run time)', () => {
    expect(has('leave.title')).toBe(true);
    expect(has('leave.nope')).toBe(false);
    expect(has('toString')).toBe(false);
  });

  it('lists names', () => {
    expect(listNames(['Sam'])).toBe('Sam');
    expect(listNames(['Sam', 'Kit'])).toBe('Sam and Kit');
    expect(listNames(['Sam', 'Kit', 'Ash'])).toBe('Sam, Kit, and Ash');
  });

  it('formats relative times', () => {
    const now = 1_700_000_000_000;
    expect(formatRelative(now - 10_000, now)).toBe('just now');
    expect(formatRelative(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(formatRelative(now + 48 * 3_600_000, now)).toBe('in 2 days');
  });
});
