import { describe, expect, it } from 'vitest';
import { HELP, HELP_FILES } from '../../content/help.ts';
import { ContentError } from './content.ts';
import { helpAsBundled, lintHelp, parseHelp } from './help.ts';

describe('help centre content', () => {
  it('is valid, reads well, and parses to exactly what the browser takes as bundled', () => {
    expect(lintHelp(HELP)).toEqual([]);
    expect(parseHelp(HELP_FILES)).toEqual(helpAsBundled(HELP_FILES));
    expect(HELP.sheets.map((s) => s.id)).toEqual(['after-cancer', 'chronic-illness']);
  });

  it('covers each kind of professional, and each quiet way out with its screen', () => {
    expect(HELP.professional.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['therapist', 'sex-therapist', 'couples-counsellor', 'doctor', 'find', 'first-session']));
    const links = Object.fromEntries(HELP.unsafe.sections.map((s) => [s.id, s.link?.href]));
    expect(links).toMatchObject({ 'leave-place': '/', delete: '/settings', now: '/help/resources' });
  });

  it('refuses a broken file with every problem named: a link outside the list, a reused id', () => {
    const unsafe = structuredClone(HELP_FILES.unsafe.data) as { sections: { id: string; link?: { href: string } }[] };
    unsafe.sections[0]!.link = { href: 'https://elsewhere.example', label: 'Away' } as never;
    unsafe.sections[1]!.id = unsafe.sections[2]!.id;
    let error: unknown;
    try {
      parseHelp({ ...HELP_FILES, unsafe: { file: 'help/unsafe.json', data: unsafe } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toContain('help/unsafe.json is invalid');
    expect((error as Error).message).toContain('sections.0.link.href');
  });

  it('finds a sheet question that does not ask', () => {
    const sheet = structuredClone(HELP.sheets[0]!);
    sheet.groups[0]!.questions[0]!.text = 'Tell me about scars.';
    expect(lintHelp({ ...HELP, sheets: [sheet] })).toEqual([expect.stringContaining('a question ends with "?"')]);
  });
});
