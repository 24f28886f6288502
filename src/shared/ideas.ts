/**
 * Ideas for time together (issue 14): the content behind plans and rhythms. Each file under
 * content/ideas/ holds the ideas of one rhythm, validated by these schemas at build, in tests and
 * at boot. Ids are stable and never reused: plans, favourites and suggestions point at them (inside
 * the encrypted records only). Wording can change freely.
 */
import { z } from 'zod/mini';
import { ContentError, Id, Int, List, Text, deepFreeze, describeIssues, lintTexts } from './content.ts';

export const IDEA_LIMITS = {
  titleChars: 60,
  textChars: 240,
  bringChars: 120,
  minIdeas: 80,
  perFile: 40,
} as const;

/** When an idea fits: a small daily moment, a morning talk, an evening check-in, a weekly date, a monthly or seasonal adventure, or whenever. */
export const IDEA_RHYTHMS = ['daily', 'morning', 'evening', 'weekly', 'monthly', 'whenever'] as const;
export type IdeaRhythm = (typeof IDEA_RHYTHMS)[number];

/**
 * How much energy it asks, lowest first: 'hospital' (one of us is in a hospital bed), 'bad-day'
 * (a bad pain or fatigue day), 'low', 'some', 'plenty'. An idea lists every level it suits.
 */
export const ENERGY_LEVELS = ['hospital', 'bad-day', 'low', 'some', 'plenty'] as const;
export type EnergyLevel = (typeof ENERGY_LEVELS)[number];

/** Where it happens; 'apart' works over a call. */
export const IDEA_PLACES = ['home', 'out', 'apart'] as const;
export type IdeaPlace = (typeof IDEA_PLACES)[number];

export const IDEA_COSTS = ['free', 'low', 'some'] as const;
export type IdeaCost = (typeof IDEA_COSTS)[number];

/** The dimension of closeness an idea feeds (the library's, without the sexual one: plans are for any audience). */
export const IDEA_DIMENSIONS = ['emotional', 'intellectual', 'experiential', 'spiritual', 'physical'] as const;
export type IdeaDimension = (typeof IDEA_DIMENSIONS)[number];

const L = IDEA_LIMITS;
const unique = <T extends z.core.SomeType>(item: T, max: number) =>
  List(item, 1, max).check(z.refine((list) => new Set(list as unknown[]).size === (list as unknown[]).length, 'must not repeat'));

export const Idea = z.strictObject({
  id: Id,
  title: Text(L.titleChars),
  /** What to do, in a sentence or two. */
  text: Text(L.textChars),
  rhythms: unique(z.enum(IDEA_RHYTHMS), IDEA_RHYTHMS.length),
  energy: unique(z.enum(ENERGY_LEVELS), ENERGY_LEVELS.length),
  places: unique(z.enum(IDEA_PLACES), IDEA_PLACES.length),
  cost: z.enum(IDEA_COSTS),
  dimensions: unique(z.enum(IDEA_DIMENSIONS), IDEA_DIMENSIONS.length),
  minutes: Int(2, 24 * 60),
  /** What to bring or prepare, when anything. */
  bring: z.optional(Text(L.bringChars)),
});
export type Idea = z.infer<typeof Idea>;

export const IdeaFile = z.strictObject({
  /** The rhythm the file gathers (its ideas may fit others too). */
  rhythm: z.enum(IDEA_RHYTHMS),
  ideas: List(Idea, 1, L.perFile),
});
export type IdeaFile = z.infer<typeof IdeaFile>;

export interface IdeaFiles {
  files: readonly { file: string; data: unknown }[];
}

/** Validates every idea file, checks ids are unique and that there are enough; returns frozen ideas in file order. */
export function parseIdeas({ files }: IdeaFiles): readonly Idea[] {
  const problems: string[] = [];
  const ideas: Idea[] = [];
  const seen = new Map<string, string>();
  for (const { file, data } of files) {
    const parsed = IdeaFile.safeParse(data);
    if (!parsed.success) {
      problems.push(`${file} is invalid:\n${describeIssues(parsed.error)}`);
      continue;
    }
    for (const idea of parsed.data.ideas) {
      const earlier = seen.get(idea.id);
      if (earlier) problems.push(`${file} reuses the idea id "${idea.id}" of ${earlier}`);
      seen.set(idea.id, file);
      ideas.push(idea);
    }
  }
  if (problems.length === 0 && ideas.length < L.minIdeas) problems.push(`only ${ideas.length} ideas (at least ${L.minIdeas})`);
  if (problems.length > 0) throw new ContentError(`Idea content has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return deepFreeze(ideas);
}

/** The ideas as bundled, for the browser's production build (checked in Node first, see CONTENT_PRECHECKED). */
export function ideasAsBundled({ files }: IdeaFiles): readonly Idea[] {
  return files.flatMap(({ data }) => (data as IdeaFile).ideas);
}

export function ideaTexts(idea: Idea): { where: string; text: string }[] {
  return [
    { where: 'title', text: idea.title },
    { where: 'text', text: idea.text },
    ...(idea.bring !== undefined ? [{ where: 'bring', text: idea.bring }] : []),
  ];
}

/** Style problems across the ideas (pressure words, gendered words, long sentences). */
export function lintIdeas(ideas: readonly Idea[]): string[] {
  return ideas.flatMap((idea) => lintTexts(`idea ${idea.id}`, ideaTexts(idea)));
}
