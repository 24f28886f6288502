import { describe, expect, it } from 'vitest';
import { COMFORT_CATALOG, COMFORT_FILES, MAX_COMFORT_ITEMS, TOUCH_PROGRAM, comfortItem, comfortItems } from '../../content/comfort.ts';
import { COMFORT_LIMITS, bannedWords, comfortTexts, lintComfort, parseComfort, touchProgramTexts, type ComfortCatalog, type TouchProgram } from './comfort.ts';
import { ContentError, KEBAB_RE, readingEase } from './content.ts';

const catalog = (): ComfortCatalog => structuredClone(COMFORT_FILES.catalog) as ComfortCatalog;
const program = (): TouchProgram => structuredClone(COMFORT_FILES.touchProgram) as TouchProgram;

function problems(c: unknown, p: unknown = program()): string {
  try {
    parseComfort(c, p);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
}

describe('the comfort catalog', () => {
  it('has 80 to 120 items with unique kebab-case ids, and the padding size is the item count', () => {
    const ids = comfortItems().map((i) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(COMFORT_LIMITS.minItems);
    expect(ids.length).toBeLessThanOrEqual(COMFORT_LIMITS.maxItems);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(KEBAB_RE);
    expect(MAX_COMFORT_ITEMS).toBe(ids.length);
  });

  it('goes from closeness that is not sexual to sex: groups ordered by level, sexual groups last', () => {
    const levels = COMFORT_CATALOG.groups.map((g) => g.level);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(COMFORT_CATALOG.groups[0]).toMatchObject({ id: 'being-near', sexual: false, level: 1 });
    const firstSexual = COMFORT_CATALOG.groups.findIndex((g) => g.sexual);
    expect(firstSexual).toBeGreaterThan(0);
    expect(COMFORT_CATALOG.groups.slice(firstSexual).every((g) => g.sexual)).toBe(true);
    // Items keep catalog order, so the plan's "least to most intimate" starts from holding hands.
    expect(comfortItems()[1]).toMatchObject({ id: 'holding-hands', level: 1, groupId: 'being-near' });
  });

  it('includes the forms the issue names and the adaptations from the illness and cancer methods', () => {
    for (const id of ['holding-hands', 'sitting-close', 'being-held', 'stroking-hair', 'back-massage', 'bathing-together', 'slow-kiss', 'caressing-the-whole-body', 'touching-genitals', 'oral-sex', 'penetrative-sex']) {
      expect(comfortItem(id), id).toBeDefined();
    }
    const adaptations = comfortItems().filter((i) => i.adaptation).map((i) => i.id);
    expect(adaptations).toEqual(
      expect.arrayContaining(['positions-that-spare-pain', 'pillows-and-wedges', 'touch-while-tired', 'touch-around-a-scar', 'sex-with-a-stoma-or-port', 'using-lubricant', 'sex-without-penetration']),
    );
    // Every adaptation is closeness someone low on energy or in pain can still choose.
    expect(adaptations.length).toBeGreaterThanOrEqual(20);
  });

  it('gives most items a softer, low-energy version', () => {
    const softer = comfortItems().filter((i) => i.softer !== undefined).length;
    expect(softer / comfortItems().length).toBeGreaterThan(0.9);
  });

  it('reads plainly: no pressure, gendered, machinery or crude words, short sentences, easy to read', () => {
    expect(lintComfort(COMFORT_CATALOG, TOUCH_PROGRAM)).toEqual([]);
    expect(readingEase(comfortTexts(COMFORT_CATALOG).map((x) => x.text))).toBeGreaterThanOrEqual(70);
    expect(readingEase(touchProgramTexts(TOUCH_PROGRAM).map((x) => x.text))).toBeGreaterThanOrEqual(70);
  });

  it('lint catches what it is there for (the checks can fail)', () => {
    const c = catalog();
    c.groups[0]!.items[0]!.line = 'Your wife should sit close in the same space.';
    const found = lintComfort(c, TOUCH_PROGRAM).join('\n');
    expect(found).toContain('gendered word "wife"');
    expect(found).toContain('pressure word "should"');
    expect(found).toContain('banned word "space"');
    expect(bannedWords('a keyboard, keeping and spacious rooms')).toEqual([]);
  });
});

describe('comfort validation refuses', () => {
  it('an item id used twice anywhere in the catalog', () => {
    const c = catalog();
    c.groups[3]!.items[0]!.id = c.groups[0]!.items[0]!.id;
    expect(problems(c)).toContain(`item id "${c.groups[0]!.items[0]!.id}" is used twice`);
  });

  it('ids that are not kebab-case, and lines that are too long', () => {
    const c = catalog();
    c.groups[0]!.items[0]!.id = 'Sitting_Close';
    c.groups[0]!.items[1]!.line = 'x'.repeat(COMFORT_LIMITS.lineChars + 1);
    const message = problems(c);
    expect(message).toContain('groups.0.items.0.id: must be kebab-case');
    expect(message).toContain(`groups.0.items.1.line: must be at most ${COMFORT_LIMITS.lineChars} characters`);
  });

  it('groups out of level order, and a group that is not sexual after a sexual one', () => {
    const c = catalog();
    c.groups.reverse();
    const message = problems(c);
    expect(message).toMatch(/comes after .* order groups by level/);
    expect(message).toContain('is not sexual but comes after the sexual group');
    expect(message).toContain('the first group is closeness that is not sexual');
  });

  it('too few items', () => {
    const c = catalog();
    c.groups = c.groups.slice(0, 3);
    expect(problems(c)).toMatch(/the catalog has \d+ items \(80 to 120\)/);
  });

  it('a session that suggests an unknown item, or an item above its level, or steps back a level', () => {
    const p = program();
    p.sessions[0]!.suggestions.push('no-such-item', 'oral-sex');
    p.sessions[2]!.level = 1;
    const message = problems(catalog(), p);
    expect(message).toContain('suggests unknown item "no-such-item"');
    expect(message).toContain('(level 1) suggests "oral-sex" of level 5');
    expect(message).toContain('steps back from level 2 to 1');
  });

  it('a program whose first session is sexual', () => {
    const p = program();
    for (const s of p.sessions) s.level = 5;
    expect(problems(catalog(), p)).toContain('the first session asks nothing sexual');
  });
});

describe('the touch program', () => {
  it('has several sessions from touch that asks nothing to what the pair chooses, with a care team line', () => {
    expect(TOUCH_PROGRAM.sessions.length).toBeGreaterThanOrEqual(5);
    expect(TOUCH_PROGRAM.sessions[0]!.level).toBe(1);
    expect(TOUCH_PROGRAM.sessions.at(-1)!.level).toBe(5);
    expect(TOUCH_PROGRAM.careTeam).toMatch(/care team/);
    expect(TOUCH_PROGRAM.pace).toMatch(/both of you/);
    const weeks = TOUCH_PROGRAM.sessions.reduce((n, s) => n + s.weeks, 0);
    expect(weeks).toBeGreaterThanOrEqual(6);
  });
});
