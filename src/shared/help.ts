/**
 * The help centre's bundled content (issue 16): the guide to professional help, the "I don't feel
 * safe" page, and the question sheets to take to an appointment. Each is a JSON file under
 * content/help/, validated by these schemas in Node (the build's content check, the tests, the
 * server at boot) and bundled with the app, so opening help needs nothing from the server.
 * Ids are stable: a note made from a sheet keeps the sheet's and the questions' ids.
 */
import { z } from 'zod/mini';
import { ContentError, Id, Int, List, Text, deepFreeze, describeIssues, lintTexts } from './content.ts';

export const HELP_LIMITS = {
  titleChars: 60,
  summaryChars: 200,
  paragraphChars: 600,
  paragraphs: 6,
  sections: 12,
  questionChars: 160,
  questionsPerGroup: 12,
  groups: 8,
} as const;

const H = HELP_LIMITS;

/**
 * Where a help page may point inside the app: a closed list, so content cannot link anywhere
 * (the screens that hold the quiet ways out, and the help centre's own pages).
 */
export const HELP_LINKS = ['/settings', '/help', '/help/professional', '/help/unsafe', '/help/resources', '/help/device', '/'] as const;
export type HelpLink = (typeof HELP_LINKS)[number];

export const HelpSection = z.strictObject({
  id: Id,
  title: Text(H.titleChars),
  paragraphs: List(Text(H.paragraphChars), 1, H.paragraphs),
  /** Short points under the paragraphs (signs, steps), shown as a list. */
  points: z.optional(List(Text(H.questionChars), 1, 10)),
  link: z.optional(z.strictObject({ href: z.enum(HELP_LINKS), label: Text(H.titleChars) })),
});

export const HelpPage = z.strictObject({
  id: Id,
  version: Int(1, 1_000_000),
  title: Text(H.titleChars),
  summary: Text(H.summaryChars),
  sections: List(HelpSection, 1, H.sections),
});

export const QuestionSheet = z.strictObject({
  id: Id,
  version: Int(1, 1_000_000),
  title: Text(H.titleChars),
  summary: Text(H.summaryChars),
  /** How to use the sheet: a paragraph or two. */
  intro: List(Text(H.paragraphChars), 1, 3),
  groups: List(
    z.strictObject({
      id: Id,
      title: Text(H.titleChars),
      questions: List(z.strictObject({ id: Id, text: Text(H.questionChars) }), 1, H.questionsPerGroup),
    }),
    1,
    H.groups,
  ),
});

export type HelpSection = z.infer<typeof HelpSection>;
export type HelpPage = z.infer<typeof HelpPage>;
export type QuestionSheet = z.infer<typeof QuestionSheet>;

export interface HelpContent {
  professional: HelpPage;
  unsafe: HelpPage;
  sheets: QuestionSheet[];
}

export interface HelpFiles {
  professional: { file: string; data: unknown };
  unsafe: { file: string; data: unknown };
  sheets: readonly { file: string; data: unknown }[];
}

/** The help content as bundled, without a check (the browser's production bundle: CONTENT_PRECHECKED). */
export function helpAsBundled(files: HelpFiles): HelpContent {
  return { professional: files.professional.data, unsafe: files.unsafe.data, sheets: files.sheets.map((s) => s.data) } as HelpContent;
}

/** Validates every help file, unique ids (sheets, sections, groups, questions); throws one ContentError listing every problem. */
export function parseHelp(files: HelpFiles): HelpContent {
  const problems: string[] = [];
  const one = <T>(schema: z.ZodMiniType<T>, source: { file: string; data: unknown }): T | undefined => {
    const result = schema.safeParse(source.data);
    if (!result.success) problems.push(`${source.file} is invalid:\n${describeIssues(result.error)}`);
    return result.success ? result.data : undefined;
  };
  const professional = one(HelpPage, files.professional);
  const unsafe = one(HelpPage, files.unsafe);
  const sheets = files.sheets.map((s) => one(QuestionSheet, s)).filter((s): s is QuestionSheet => s !== undefined);
  const unique = (what: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${what} id "${id}" is used twice`);
      seen.add(id);
    }
  };
  for (const page of [professional, unsafe]) if (page) unique(`section (${page.id})`, page.sections.map((s) => s.id));
  unique('sheet', sheets.map((s) => s.id));
  for (const sheet of sheets) {
    unique(`group (${sheet.id})`, sheet.groups.map((g) => g.id));
    unique(`question (${sheet.id})`, sheet.groups.flatMap((g) => g.questions.map((q) => q.id)));
  }
  if (problems.length > 0 || !professional || !unsafe) throw new ContentError(`Help content has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return deepFreeze({ professional, unsafe, sheets });
}

export function helpPageTexts(page: HelpPage): { where: string; text: string }[] {
  const texts = [
    { where: 'title', text: page.title },
    { where: 'summary', text: page.summary },
  ];
  for (const s of page.sections) {
    texts.push({ where: `${s.id}.title`, text: s.title });
    s.paragraphs.forEach((text, i) => texts.push({ where: `${s.id}.${i}`, text }));
    s.points?.forEach((text, i) => texts.push({ where: `${s.id}.points.${i}`, text }));
    if (s.link) texts.push({ where: `${s.id}.link`, text: s.link.label });
  }
  return texts;
}

export function sheetTexts(sheet: QuestionSheet): { where: string; text: string }[] {
  const texts = [
    { where: 'title', text: sheet.title },
    { where: 'summary', text: sheet.summary },
    ...sheet.intro.map((text, i) => ({ where: `intro.${i}`, text })),
  ];
  for (const g of sheet.groups) {
    texts.push({ where: `${g.id}.title`, text: g.title });
    for (const q of g.questions) texts.push({ where: `${g.id}.${q.id}`, text: q.text });
  }
  return texts;
}

/** Style problems across the help content (the house lint), and questions that do not end with "?". */
export function lintHelp(help: HelpContent): string[] {
  const problems = [...lintTexts(help.professional.id, helpPageTexts(help.professional)), ...lintTexts(help.unsafe.id, helpPageTexts(help.unsafe))];
  for (const sheet of help.sheets) {
    problems.push(...lintTexts(sheet.id, sheetTexts(sheet)));
    for (const g of sheet.groups) {
      for (const q of g.questions) if (!q.text.endsWith('?')) problems.push(`${sheet.id} ${g.id}.${q.id}: a question ends with "?"`);
    }
  }
  return problems;
}
