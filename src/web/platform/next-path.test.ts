import { describe, expect, it } from 'vitest';
import { safeNextPath, withNext } from './next-path.ts';

describe('safeNextPath', () => {
  it('keeps paths inside the app', () => {
    expect(safeNextPath('/join')).toBe('/join');
    expect(safeNextPath('/spaces/abc?x=1')).toBe('/spaces/abc?x=1');
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/a\nb', ''])(
    'refuses %j',
    (value) => {
      expect(safeNextPath(value)).toBe('/');
    },
  );

  it('builds links that carry the next step', () => {
    expect(withNext('/signin', '/join')).toBe('/signin?next=%2Fjoin');
    expect(withNext('/signin', '/')).toBe('/signin');
    expect(withNext('/signin', '//evil')).toBe('/signin');
    expect(withNext('/signin', null)).toBe('/signin');
  });
});
