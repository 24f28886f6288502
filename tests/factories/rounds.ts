/** Rounds (the reveal gate) as a client would drive them: start, answer, withdraw. */
import { blob, newId } from './blobs.ts';
import { type RequestableApp, call } from './http.ts';
import type { TestSpace } from './spaces.ts';
import type { TestUser } from './users.ts';

export interface TestRound {
  id: string;
  spaceId: string;
  header: string;
}

export interface CreateRoundOverrides {
  id?: string;
  epoch?: number;
  header?: string;
}

/** Sends POST /rounds and returns the answer (whatever it is) with the values sent. */
export async function startRound(app: RequestableApp, starter: TestUser, space: TestSpace, participants: string[], overrides: CreateRoundOverrides = {}) {
  const json = { id: overrides.id ?? newId(), epoch: overrides.epoch ?? space.epoch, header: overrides.header ?? blob.roundHeader(), participants };
  const result = await call(app, 'POST', `/api/spaces/${space.id}/rounds`, { as: starter, json });
  return { ...result, id: json.id, header: json.header };
}

/** starter starts a round among `participants` (user objects; the starter is added when missing). */
export async function createRound(app: RequestableApp, starter: TestUser, space: TestSpace, participants: TestUser[]): Promise<TestRound> {
  const ids = [...new Set([starter.id, ...participants.map((p) => p.id)])];
  const result = await startRound(app, starter, space, ids);
  if (result.status !== 201) throw new Error(`createRound: ${result.status} ${JSON.stringify(result.body)}`);
  return { id: result.id, spaceId: space.id, header: result.header };
}

/** Sends one answer; returns the answer with the ciphertext and signature sent. */
export async function submitAnswer(
  app: RequestableApp,
  author: TestUser,
  round: Pick<TestRound, 'id' | 'spaceId'>,
  overrides: { ciphertext?: string; signature?: string } = {},
) {
  const ciphertext = overrides.ciphertext ?? blob.submission();
  const signature = overrides.signature ?? blob.signature();
  const result = await call(app, 'POST', `/api/spaces/${round.spaceId}/rounds/${round.id}/submission`, { as: author, json: { ciphertext, signature } });
  return { ...result, ciphertext, signature };
}

export async function withdrawRound(app: RequestableApp, starter: TestUser, round: Pick<TestRound, 'id' | 'spaceId'>) {
  return call(app, 'POST', `/api/spaces/${round.spaceId}/rounds/${round.id}/withdraw`, { as: starter });
}
