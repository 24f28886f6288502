/**
 * Signals of the question of the day. The daily rounds come from the rounds engine (they are
 * rounds); the depth settings and my private answers from the daily engine (records).
 */
import { signal } from '@preact/signals';
import { rounds } from '../actions.ts';
import { daily } from './actions.ts';
import type { DailyDepth } from './draw.ts';
import type { DailyRound, PrivateDailyAnswer } from './types.ts';

/** Per space, the daily question rounds I take part in, newest day first; updated live. */
export const dailyRounds = signal<ReadonlyMap<string, DailyRound[]>>(new Map(), rounds.watched);
/** Per space, the depth someone chose (spaces without an entry use the default). */
export const dailyDepths = signal<ReadonlyMap<string, DailyDepth>>(new Map(), daily.watched);
/** My answers kept only for me, newest day first (queued ones included). */
export const privateDailyAnswers = signal<PrivateDailyAnswer[]>([], daily.watched);
/** False until the daily engine has published once (so a screen does not flash "not answered"). */
export const dailyReady = signal(false, daily.watched);
