/**
 * The question of the day (docs/decisions/022-daily-question.md): a round of one deck question,
 * through the same reveal gate as every round, so the answers open for everyone only once all
 * have answered, live. This engine keeps the depth settings and my private answers (records)
 * published, and answers: into the day's round (started by whoever answers first, under an id
 * every member derives alike) or, alone, privately in my personal space.
 */
import { getExercise } from '../../../../../content/catalog.ts';
import type { RoundSummary } from '../../../../shared/api.ts';
import { ActionError } from '../../../platform/errors/action-error.ts';
import { sameJson } from '../../../platform/same-json.ts';
import { personalSpaceId } from '../../../spaces/my-spaces.ts';
import { spaces } from '../../../spaces/store.ts';
import { followSync } from '../../../sync/follow.ts';
import { engine } from '../../../sync/index.ts';
import { keyring } from '../../../vault/keyring.ts';
import { activate as activateRounds, actions as roundActions, createRound, fetchRound, headerOf } from '../engine.ts';
import { isDay } from './day.ts';
import { DAILY_DEPTHS, dailyRoundId } from './draw.ts';
import { dailyAnswerKind, dailyDocs, dailySettingsKind } from './kinds.ts';
import { dailyDepths, dailyReady, dailyRounds, privateDailyAnswers } from './store.ts';
import { MAX_DAILY_ANSWER_CHARS, type DailyActions, type DailyOutcome, type PrivateDailyAnswer } from './types.ts';
import type { DailyDepth } from './draw.ts';

const follow = followSync({ publish, reset });

/** Follows sync, and starts the rounds engine too: the daily rounds are its to list. */
export function activate(): boolean {
  activateRounds();
  return follow();
}

function reset(): void {
  dailyDepths.value = new Map();
  privateDailyAnswers.value = [];
  dailyReady.value = false;
}

function publish(): void {
  if (!keyring()) return;
  const depths = new Map<string, DailyDepth>();
  for (const space of spaces.value) {
    const state = engine.spaceState(space.id);
    let depth = state ? dailyDocs(state).depth : null;
    for (const q of engine.queuedOf(space.id, dailySettingsKind)) depth = q.body.depth; // mine, not yet sent
    if (depth) depths.set(space.id, depth);
  }
  const answers: PrivateDailyAnswer[] = [];
  const personal = personalSpaceId();
  const state = personal ? engine.spaceState(personal) : undefined;
  if (personal && state) {
    for (const { seq: _seq, ...a } of dailyDocs(state).answers.values()) answers.push(a);
    for (const q of engine.queuedOf(personal, dailyAnswerKind)) answers.push({ id: q.id, ...q.body, createdAt: q.queuedAt });
  }
  answers.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : b.createdAt - a.createdAt));
  if (!sameJson(dailyDepths.value, depths)) dailyDepths.value = depths;
  if (!sameJson(privateDailyAnswers.value, answers)) privateDailyAnswers.value = answers;
  if (state || !personal) dailyReady.value = true;
}

function requireUser(): string {
  const ring = keyring();
  if (!ring) throw new ActionError('unauthenticated');
  return ring.userId;
}

/** Trimmed text within one line's limit, or null for a pass. */
function cleanAnswer(text: string | null): string | null {
  if (text === null) return null;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_DAILY_ANSWER_CHARS || /[\r\n]/.test(trimmed)) throw new ActionError('bad-request');
  return trimmed;
}

async function keepPrivately(spaceId: string, day: string, exerciseId: string, text: string | null): Promise<void> {
  const personal = personalSpaceId();
  if (!personal) throw new ActionError('not-found');
  await engine.write(personal, dailyAnswerKind, { spaceId, day, exerciseId, text });
  publish();
}

/** The day's round, as the server has it: started by me now, or by someone before me. Null: not one I take part in. */
async function dayRound(spaceId: string, day: string, exerciseId: string, version: number, participants: string[]): Promise<RoundSummary | null> {
  const roundId = dailyRoundId(spaceId, day);
  const known = dailyRounds.value.get(spaceId)?.some((d) => d.round.id === roundId);
  if (!known) {
    try {
      return await createRound(spaceId, roundId, { exerciseId, exerciseVersion: version, day }, participants);
    } catch (error) {
      // Someone answered first (or we raced): that round is the day's; answer it.
      if (!(error instanceof ActionError) || error.code !== 'id-taken') throw error;
    }
  }
  try {
    return (await fetchRound(spaceId, roundId)).round;
  } catch (error) {
    // It exists but I am not in it: it began before I joined.
    if (error instanceof ActionError && error.code === 'not-found') return null;
    throw error;
  }
}

export const actions: DailyActions = {
  async answer({ spaceId, day, exerciseId, text }): Promise<DailyOutcome> {
    const myId = requireUser();
    const answer = cleanAnswer(text);
    const exercise = getExercise(exerciseId);
    const item = exercise?.items[0];
    if (!isDay(day) || !exercise || exercise.items.length !== 1 || item?.kind !== 'text') throw new ActionError('bad-request');
    const state = engine.spaceState(spaceId);
    if (!state) throw new ActionError('not-found');
    const active = state.summary.members.filter((m) => m.status === 'active').map((m) => m.userId);
    if (state.summary.kind === 'personal' || active.length < 2) {
      await keepPrivately(spaceId, day, exerciseId, answer);
      return { outcome: 'private', reason: 'alone' };
    }
    if (!active.includes(myId)) throw new ActionError('forbidden');
    if (state.integrityWarning === 'membership') throw new ActionError('membership-invalid');

    const round = await dayRound(spaceId, day, exerciseId, exercise.version, active);
    if (!round) {
      await keepPrivately(spaceId, day, exerciseId, answer);
      return { outcome: 'private', reason: 'joined-later' };
    }
    const asked = headerOf(round)?.exerciseId;
    if (!asked) throw new ActionError('decrypt-failed');
    if (asked !== exerciseId) return { outcome: 'question-changed', exerciseId: asked };
    const me = round.participants.find((p) => p.userId === myId);
    if (!me) {
      await keepPrivately(spaceId, day, exerciseId, answer);
      return { outcome: 'private', reason: 'joined-later' };
    }
    if (round.status === 'withdrawn' || round.status === 'cancelled') {
      await keepPrivately(spaceId, day, exerciseId, answer);
      return { outcome: 'private', reason: 'stopped' };
    }
    if (me.submitted) return { outcome: 'in' }; // from another device of mine, a moment ago
    await roundActions.sealAnswers({
      spaceId,
      roundId: round.id,
      answers: { [item.id]: answer === null ? { kind: 'pass' } : { kind: 'text', text: answer } },
    });
    return { outcome: 'in' };
  },

  async setDepth(spaceId, depth) {
    requireUser();
    if (!DAILY_DEPTHS.includes(depth)) throw new ActionError('bad-request');
    if (!engine.spaceState(spaceId)) throw new ActionError('not-found');
    await engine.write(spaceId, dailySettingsKind, { depth });
    publish();
  },
};
