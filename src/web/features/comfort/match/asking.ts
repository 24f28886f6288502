/**
 * Who asked me to match comfort maps, for Today: the open runs of my shared places where the other
 * has agreed and I have not answered yet. A light look at the server's list of runs (which only
 * the two people of a run see), without the comfort engine or the catalog, so Today stays small.
 */
import { call, client } from '../../../platform/api.ts';
import { keyring } from '../../../vault/keyring.ts';
import { shareableSpaces } from '../../../spaces/my-spaces.ts';
import { runStep } from '../views.ts';

export interface Asking {
  spaceId: string;
  runId: string;
  partnerId: string;
}

export async function askingMe(): Promise<Asking[]> {
  const myId = keyring()?.userId;
  if (!myId) return [];
  const lists = await Promise.all(
    shareableSpaces().map(async (space) => {
      try {
        const { runs } = await call(client.api.spaces[':spaceId']['comfort-runs'].$get({ param: { spaceId: space.id } }));
        return runs.filter((r) => runStep(r, myId) === 'invited').map((r) => ({ spaceId: space.id, runId: r.id, partnerId: r.participants.find((p) => p.userId !== myId)?.userId ?? '' }));
      } catch {
        return []; // offline, or the place is gone: nothing to say on Today
      }
    }),
  );
  return lists.flat();
}
