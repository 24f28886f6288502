/**
 * The comfort map's content (issue 13): the catalog of forms of closeness, from sitting close to
 * sex, and the graded touch program built on it. Both are JSON under content/comfort/, validated
 * by these schemas in Node (the server at start, the build's content check, the tests; see
 * docs/decisions/020-bundled-content-checked-in-node.md) and taken as they are in the browser.
 *
 * Item ids are stable and never reused: a person's answers and the private match hash them (the
 * match elements are a hash of space, run, pair, item and tier), so renaming an id silently turns
 * everyone's "yes" into "not now". Wording can change freely; bump `version` when meaning changes.
 */
import { z } from 'zod/mini';
import { ContentError, Id, Int, List, Text, deepFreeze, describeIssues, lintTexts } from './content.ts';

export const COMFORT_LIMITS = {
  /** Every item is one element of the private match; padding is the catalog's size (80..120). */
  minItems: 80,
  maxItems: 120,
  groups: 16,
  itemsPerGroup: 20,
  titleChars: 60,
  introChars: 300,
  labelChars: 40,
  /** One plain sentence; the plan shows it under the label. */
  lineChars: 140,
  softerChars: 140,
  /** Levels of intimacy: 1 is not sexual at all, 5 the most intimate. */
  minLevel: 1,
  maxLevel: 5,
  sessions: 8,
  sessionSuggestions: 16,
  listEntryChars: 200,
} as const;

const CL = COMFORT_LIMITS;
const Level = Int(CL.minLevel, CL.maxLevel);

export const ComfortItem = z.strictObject({
  id: Id,
  label: Text(CL.labelChars),
  line: Text(CL.lineChars),
  /** A gentler, low-energy version of the same closeness (the plan offers it beside the item). */
  softer: z.optional(Text(CL.softerChars)),
  /** An adaptation from the illness and cancer methods: pain, fatigue, scars, ports, aids, dryness. */
  adaptation: z.optional(z.literal(true)),
});

export const ComfortGroup = z.strictObject({
  id: Id,
  title: Text(CL.titleChars),
  intro: z.optional(Text(CL.introChars)),
  /** A group with sexual items can be hidden as a whole ("not now" for all of it). */
  sexual: z.boolean(),
  level: Level,
  items: List(ComfortItem, 1, CL.itemsPerGroup),
});

export const ComfortCatalog = z.strictObject({
  version: Int(1, 1_000_000),
  groups: List(ComfortGroup, 2, CL.groups),
});

export type ComfortItem = z.infer<typeof ComfortItem>;
export type ComfortGroup = z.infer<typeof ComfortGroup>;
export type ComfortCatalog = z.infer<typeof ComfortCatalog>;
/** An item with where it sits: its group and that group's level (what the plan orders by). */
export type PlacedComfortItem = ComfortItem & { groupId: string; level: number; sexual: boolean };

export const TouchSession = z.strictObject({
  id: Id,
  title: Text(CL.titleChars),
  /** The most intimate level of touch this session includes: suggestions above it are left out. */
  level: Level,
  /** About how long pairs often stay (shown as a suggestion, never a deadline). */
  weeks: Int(1, 4),
  intro: Text(CL.introChars),
  /** What to do, in a few short steps. */
  steps: List(Text(CL.listEntryChars), 2, 6),
  /** What this session leaves out, said plainly so nobody wonders what is expected. */
  leaveOut: List(Text(CL.listEntryChars), 1, 4),
  /** The same session for a tired or sore day. */
  lowEnergy: Text(CL.listEntryChars),
  /** Catalog items this session draws on; a pair sees only those they both matched. */
  suggestions: List(Id, 1, CL.sessionSuggestions),
});

export const TouchProgram = z.strictObject({
  id: Id,
  version: Int(1, 1_000_000),
  title: Text(CL.titleChars),
  summary: Text(160),
  intro: List(Text(CL.introChars), 1, 4),
  /** How moving on works: when everyone is ready, at the pace of the slowest. */
  pace: Text(CL.introChars),
  /** The line about asking the care team after surgery or treatment. */
  careTeam: Text(CL.introChars),
  sessions: List(TouchSession, 3, CL.sessions),
});

export type TouchSession = z.infer<typeof TouchSession>;
export type TouchProgram = z.infer<typeof TouchProgram>;

// ---------- loading ----------

/**
 * Words that do not belong in the catalog: the app's machinery words (people read "shared place",
 * not "space"; see platform/i18n/catalogs.test.ts) and crude or graphic words (each line is plain
 * and non-graphic, so the catalog can be read at a kitchen table).
 */
const BANNED_WORDS = [
  'seal', 'sealed', 'epoch', 'epochs', 'key', 'keys', 'space', 'spaces',
  'fuck', 'fucking', 'cock', 'dick', 'pussy', 'cunt', 'cum', 'tits', 'horny', 'porn', 'kinky', 'slut',
] as const;
const BANNED_RE = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${BANNED_WORDS.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');

/** Banned words in one text (empty when none). */
export function bannedWords(text: string): string[] {
  return [...text.matchAll(BANNED_RE)].map((m) => m[0]);
}

export function comfortTexts(catalog: ComfortCatalog): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const g of catalog.groups) {
    out.push({ where: `${g.id}.title`, text: g.title });
    if (g.intro !== undefined) out.push({ where: `${g.id}.intro`, text: g.intro });
    for (const i of g.items) {
      out.push({ where: `${g.id}/${i.id}.label`, text: i.label }, { where: `${g.id}/${i.id}.line`, text: i.line });
      if (i.softer !== undefined) out.push({ where: `${g.id}/${i.id}.softer`, text: i.softer });
    }
  }
  return out;
}

export function touchProgramTexts(program: TouchProgram): { where: string; text: string }[] {
  const out = [
    { where: 'title', text: program.title },
    { where: 'summary', text: program.summary },
    ...program.intro.map((text, i) => ({ where: `intro.${i}`, text })),
    { where: 'pace', text: program.pace },
    { where: 'careTeam', text: program.careTeam },
  ];
  for (const s of program.sessions) {
    out.push({ where: `${s.id}.title`, text: s.title }, { where: `${s.id}.intro`, text: s.intro }, { where: `${s.id}.lowEnergy`, text: s.lowEnergy });
    s.steps.forEach((text, i) => out.push({ where: `${s.id}.steps.${i}`, text }));
    s.leaveOut.forEach((text, i) => out.push({ where: `${s.id}.leaveOut.${i}`, text }));
  }
  return out;
}

/** Style problems (pressure and gendered words, long sentences, banned words); empty when it reads well. */
export function lintComfort(catalog: ComfortCatalog, program: TouchProgram): string[] {
  const texts = [
    ...comfortTexts(catalog).map((x) => ({ ...x, id: 'catalog' })),
    ...touchProgramTexts(program).map((x) => ({ ...x, id: program.id })),
  ];
  const problems = texts.flatMap(({ id, where, text }) => lintTexts(id, [{ where, text }]));
  for (const { id, where, text } of texts) for (const word of bannedWords(text)) problems.push(`${id} ${where}: banned word "${word}"`);
  return problems;
}

/** Every item in catalog order, with its group and level. */
export function placedItems(catalog: ComfortCatalog): PlacedComfortItem[] {
  return catalog.groups.flatMap((g) => g.items.map((i) => ({ ...i, groupId: g.id, level: g.level, sexual: g.sexual })));
}

function problemsOf<T>(what: string, schema: z.ZodMiniType<T>, data: unknown, problems: string[]): T | null {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  problems.push(`${what} is invalid:\n${describeIssues(result.error)}`);
  return null;
}

/**
 * Validates the catalog and the touch program together: schemas, unique ids (groups, items across
 * the whole catalog, sessions), 80 to 120 items, groups ordered by level with every sexual group
 * after every group that is not, sessions that never step back a level and start with touch that
 * is not sexual, and each session's suggestions naming catalog items within its level. Throws one
 * ContentError listing every problem; returns both deeply frozen.
 */
export function parseComfort(catalogData: unknown, programData: unknown): { catalog: ComfortCatalog; program: TouchProgram } {
  const problems: string[] = [];
  const catalog = problemsOf('comfort/catalog.json', ComfortCatalog, catalogData, problems);
  const program = problemsOf('comfort/touch-program.json', TouchProgram, programData, problems);
  const levels = new Map<string, number>();
  if (catalog) {
    const groupIds = new Set<string>();
    for (const g of catalog.groups) {
      if (groupIds.has(g.id)) problems.push(`group id "${g.id}" is used twice`);
      groupIds.add(g.id);
      for (const i of g.items) {
        if (levels.has(i.id)) problems.push(`item id "${i.id}" is used twice`);
        levels.set(i.id, g.level);
      }
    }
    const count = catalog.groups.reduce((n, g) => n + g.items.length, 0);
    if (count < CL.minItems || count > CL.maxItems) problems.push(`the catalog has ${count} items (${CL.minItems} to ${CL.maxItems})`);
    catalog.groups.forEach((g, i) => {
      const before = catalog.groups[i - 1];
      if (before && before.level > g.level) problems.push(`group "${g.id}" (level ${g.level}) comes after "${before.id}" (level ${before.level}): order groups by level`);
      if (before?.sexual && !g.sexual) problems.push(`group "${g.id}" is not sexual but comes after the sexual group "${before.id}"`);
    });
    if (catalog.groups[0]?.sexual !== false || catalog.groups[0]?.level !== CL.minLevel) problems.push(`the first group is closeness that is not sexual, at level ${CL.minLevel}`);
  }
  if (program) {
    const sessionIds = new Set<string>();
    program.sessions.forEach((s, i) => {
      if (sessionIds.has(s.id)) problems.push(`session id "${s.id}" is used twice`);
      sessionIds.add(s.id);
      const before = program.sessions[i - 1];
      if (before && before.level > s.level) problems.push(`session "${s.id}" steps back from level ${before.level} to ${s.level}`);
      if (new Set(s.suggestions).size !== s.suggestions.length) problems.push(`session "${s.id}" suggests an item twice`);
      if (!catalog) return;
      for (const id of s.suggestions) {
        const level = levels.get(id);
        if (level === undefined) problems.push(`session "${s.id}" suggests unknown item "${id}"`);
        else if (level > s.level) problems.push(`session "${s.id}" (level ${s.level}) suggests "${id}" of level ${level}`);
      }
    });
    if (program.sessions[0]?.level !== CL.minLevel) problems.push(`the first session asks nothing sexual (level ${CL.minLevel})`);
  }
  if (problems.length > 0 || !catalog || !program) throw new ContentError(`Comfort content has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return deepFreeze({ catalog, program });
}
