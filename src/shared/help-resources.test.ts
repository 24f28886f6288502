import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CareSettings, chooseRegion, parseHelpResources, type Region } from './help-resources.ts';

const EXAMPLE = readFileSync(new URL('../../docs/help-resources.example.json', import.meta.url), 'utf8');

const region = (id: string, name = id.toUpperCase()): Region => ({ id, name, emergency: '112', resources: [] });
const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 1, regions: [{ id: 'de', name: 'Germany', emergency: '112', resources: [{ name: 'A line', phone: '116 016' }] }], ...over });
const problemOf = (text: string): string => {
  const result = parseHelpResources(text);
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
};

describe('the operator’s help resources file', () => {
  it('accepts the example in docs/ (what operators copy)', () => {
    const result = parseHelpResources(EXAMPLE);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.resources.regions.map((r) => r.id)).toEqual(['de', 'uk', 'us']);
  });

  it('refuses text that is not JSON, saying so', () => {
    expect(problemOf('{ version: 1')).toMatch(/^not valid JSON/);
  });

  it('names the field of each problem', () => {
    const problem = problemOf(
      JSON.stringify({
        version: 1,
        regions: [
          { id: 'de', name: 'Germany', emergency: 'call us', resources: [{ name: 'No way to reach it' }, { name: 'Plain web', web: 'http://example.org' }] },
          { id: 'de', name: 'Germany again', emergency: '112', resources: [] },
        ],
      }),
    );
    expect(problem).toContain('regions.0.emergency: must be a phone number');
    expect(problem).toContain('regions.0.resources.0: needs a phone, a text or a web address');
    expect(problem).toContain('regions.0.resources.1.web: must be an https:// address');
    expect(problem).toContain('region id "de" is used twice');
  });

  it('refuses unknown fields, an unknown version and an empty list of regions', () => {
    expect(problemOf(file({ extra: true }))).toContain('unknown key(s): extra');
    expect(problemOf(file({ version: 2 }))).toContain('version');
    expect(problemOf(file({ regions: [] }))).toContain('regions: must be at least 1 entries');
  });

  it('takes a directory that replaces the international one, over https only', () => {
    expect(parseHelpResources(file({ directory: { name: 'Local list', web: 'https://help.example' } })).ok).toBe(true);
    expect(problemOf(file({ directory: { name: 'Local list', web: 'javascript:alert(1)' } }))).toContain('directory.web');
  });

  it('is what the server sends, checked again by the app', () => {
    const parsed = parseHelpResources(EXAMPLE);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(CareSettings.safeParse({ resources: parsed.resources, quickExitUrl: 'https://weather.example/' }).success).toBe(true);
    expect(CareSettings.safeParse({ resources: null, quickExitUrl: 'http://weather.example/' }).success).toBe(false);
  });
});

describe('choosing the region to show', () => {
  const regions = [region('de'), region('uk'), region('us-ca'), region('at')];

  it('keeps the region picked on this device', () => {
    expect(chooseRegion(regions, 'uk', ['de-DE'])?.id).toBe('uk');
  });

  it('forgets a pick the operator has since removed, and falls back', () => {
    expect(chooseRegion(regions, 'fr', ['de-AT'])?.id).toBe('at');
  });

  it('suggests the region of the browser’s language, including a region within a country', () => {
    expect(chooseRegion(regions, null, ['de-DE'])?.id).toBe('de');
    expect(chooseRegion(regions, null, ['en', 'en-US'])?.id).toBe('us-ca');
  });

  it('shows the only region there is, and otherwise leaves the choice to the person', () => {
    expect(chooseRegion([region('nz')], null, [])?.id).toBe('nz');
    expect(chooseRegion(regions, null, ['fr-FR'])).toBeNull();
    expect(chooseRegion([], 'de', ['de-DE'])).toBeNull();
  });
});
