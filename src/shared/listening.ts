/**
 * The listening guide (issue 15): what the app says to each person during a listening turn, by the
 * kind of turn, and the short calming practice offered on a pause. Written in our own words (the
 * structure comes from shared/mission/methods.md: listen fully, reflect back, validate before
 * solving). content/listening/guide.json follows this schema, checked at build, in tests and at boot.
 * Ids are stable (turn records name their topic by id); wording can change freely.
 */
import { z } from 'zod/mini';
import { ContentError, List, Text, deepFreeze, describeIssues, lintTexts } from './content.ts';

export const LISTENING_GUIDE_LIMITS = { titleChars: 60, textChars: 240, prompts: 6, calmSteps: 8 } as const;

/** The kinds of turn: stress from outside the relationship, a disagreement, a repair after a hard moment. */
export const LISTENING_TOPICS = ['stress', 'disagreement', 'repair'] as const;
export type ListeningTopic = (typeof LISTENING_TOPICS)[number];

const L = LISTENING_GUIDE_LIMITS;
const Prompts = List(Text(L.textChars), 1, L.prompts);

export const GuideTopic = z.strictObject({
  id: z.enum(LISTENING_TOPICS),
  title: Text(L.titleChars),
  /** One or two sentences on what this kind of turn is for. */
  about: Text(L.textChars),
  /** Short prompts for whoever has the floor. */
  speaker: Prompts,
  /** Short prompts for whoever listens. */
  listener: Prompts,
  /** What a listener holds back in this kind of turn. */
  holdBack: Prompts,
});
export type GuideTopic = z.infer<typeof GuideTopic>;

export const ListeningGuide = z.strictObject({
  topics: List(GuideTopic, LISTENING_TOPICS.length, LISTENING_TOPICS.length),
  /** The calming practice a pause offers, one short step at a time. */
  calm: z.strictObject({ title: Text(L.titleChars), steps: List(Text(L.textChars), 3, L.calmSteps) }),
});
export type ListeningGuide = z.infer<typeof ListeningGuide>;

/** Validates the guide: the schema, and one topic for each kind of turn. */
export function parseListeningGuide(file: string, data: unknown): ListeningGuide {
  const parsed = ListeningGuide.safeParse(data);
  if (!parsed.success) throw new ContentError(`${file} is invalid:\n${describeIssues(parsed.error)}`);
  const ids = parsed.data.topics.map((t) => t.id);
  const missing = LISTENING_TOPICS.filter((id) => !ids.includes(id));
  if (missing.length > 0) throw new ContentError(`${file} has no topic for: ${missing.join(', ')}`);
  return deepFreeze(parsed.data);
}

export function listeningTexts(guide: ListeningGuide): { where: string; text: string }[] {
  return [
    ...guide.topics.flatMap((topic) => [
      { where: `${topic.id}.title`, text: topic.title },
      { where: `${topic.id}.about`, text: topic.about },
      ...topic.speaker.map((text, i) => ({ where: `${topic.id}.speaker.${i}`, text })),
      ...topic.listener.map((text, i) => ({ where: `${topic.id}.listener.${i}`, text })),
      ...topic.holdBack.map((text, i) => ({ where: `${topic.id}.holdBack.${i}`, text })),
    ]),
    { where: 'calm.title', text: guide.calm.title },
    ...guide.calm.steps.map((text, i) => ({ where: `calm.step.${i}`, text })),
  ];
}

/** Style problems in the guide (pressure words, gendered words, long sentences). */
export function lintListeningGuide(guide: ListeningGuide): string[] {
  return lintTexts('listening guide', listeningTexts(guide));
}
