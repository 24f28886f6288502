/** How rounds, their people and their exercises are named on screen. */
import { getExercise } from '../../../../content/catalog.ts';
import type { Exercise } from '../../../shared/content.ts';
import type { RoundParticipantView, RoundView } from './types.ts';
import { t } from './messages.ts';
import { listNames } from '../../platform/i18n/format.ts';
import { memberName } from '../../spaces/names.ts';

export function exerciseOf(round: Pick<RoundView, 'exerciseId'>): Exercise | undefined {
  return round.exerciseId ? getExercise(round.exerciseId) : undefined;
}

export function exerciseTitle(round: Pick<RoundView, 'exerciseId'>): string {
  return exerciseOf(round)?.title ?? t('exercise.unknownTitle');
}

export function participantName(p: Pick<RoundParticipantView, 'displayName'>): string {
  return memberName(p);
}

/** "With Sam and Kit": everyone taking part except me. */
export function withLine(round: RoundView): string | null {
  const others = round.participants.filter((p) => !p.isMe).map(participantName);
  return others.length ? t('round.with', { names: listNames(others) }) : null;
}

export function roundPath(spaceId: string, roundId: string): string {
  return `/spaces/${spaceId}/rounds/${roundId}`;
}

/** The round I am looking at, 'loading' until the first sync, null when it is not one of mine. */
export function findRound(rounds: ReadonlyMap<string, RoundView[]>, spaceId: string, roundId: string): RoundView | null {
  return rounds.get(spaceId)?.find((r) => r.id === roundId) ?? null;
}

/** The same key sealAnswers clears (see roundDraftKey in store.ts). */
export { roundDraftKey as draftKeyForRound } from './store.ts';

export function draftKeyForReflection(exerciseId: string): string {
  return `reflection:${exerciseId}`;
}
