/** The question of a day in a space, as the screens and cards show it. */
import { getExercise } from '../../../../../content/catalog.ts';
import { LIBRARY } from '../../../../../content/library.ts';
import { localDay } from '../../../platform/calendar.ts';
import type { SpaceView } from '../../../spaces/types.ts';
import { DEFAULT_DAILY_DEPTH, drawQuestion, type DailyDepth } from './draw.ts';
import { dailyDepths, dailyRounds, privateDailyAnswers } from './store.ts';
import { dayState, type DayState } from './views.ts';

export function depthOf(spaceId: string): DailyDepth {
  return dailyDepths.value.get(spaceId) ?? DEFAULT_DAILY_DEPTH;
}

/** The question's words (the one line of its exercise), or null when this device does not know it. */
export function questionText(exerciseId: string | null): string | null {
  const item = exerciseId ? getExercise(exerciseId)?.items[0] : undefined;
  return item?.prompt ?? null;
}

/** Where `day` (today, on this device, by default) stands in this space; reads the signals. */
export function useDay(spaceId: string, day: string = localDay()): DayState | null {
  const drawn = drawQuestion(LIBRARY.decks, spaceId, depthOf(spaceId), day)?.exerciseId ?? null;
  return dayState({ spaceId, day, rounds: dailyRounds.value.get(spaceId) ?? [], privateAnswers: privateDailyAnswers.value, drawn });
}

/** Whether I answer this space's question alone: my personal space, or nobody else active here. */
export function answersAlone(space: SpaceView): boolean {
  return space.kind === 'personal' || !space.members.some((m) => !m.isMe && m.status === 'active');
}

/** A calendar day as a date on screen (its noon, so no zone moves it to a neighbouring day). */
export function dayTime(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
}

export function questionPath(spaceId: string, day?: string): string {
  return day ? `/spaces/${spaceId}/question/${day}` : `/spaces/${spaceId}/question`;
}

export function historyPath(spaceId: string): string {
  return `/spaces/${spaceId}/questions`;
}
