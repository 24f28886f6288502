import type { Logger } from 'pino';
import type { LiveEvent, PushKind } from '../../shared/api.ts';
import type { Push } from '../push/index.ts';
import type { Notifier } from '../realtime/notifier.ts';
import type { Store } from '../repos/store.ts';

/** What services need; each service takes only these few things (no container). */
export interface ServiceDeps {
  store: Store;
  notifier: Notifier;
  logger: Logger;
  /** Epoch milliseconds; injectable so tests can move time (expiry, rate-limit windows). */
  now: () => number;
  /** Web Push; undefined when the instance runs with PUSH=off. */
  push?: Push | undefined;
}

/** An event to publish to some users once the transaction that made it has committed. */
export interface Notice {
  userIds: string[];
  event: LiveEvent;
}

/**
 * Publishes after the change is committed; a failure to notify never fails the request (clients
 * also pull on reconnect and on focus), it is only logged.
 */
export async function notify(deps: Pick<ServiceDeps, 'notifier' | 'logger'>, userIds: string[], event: LiveEvent): Promise<void> {
  if (userIds.length === 0) return;
  try {
    await deps.notifier.publish(userIds, event);
  } catch (error) {
    deps.logger.warn({ err: { message: (error as Error).message }, type: event.type }, 'notify failed');
  }
}

/**
 * Queues a push for these users' devices once the change is committed (never inside the
 * transaction); like notify, a failure never fails the request (Push.enqueue logs it).
 */
export async function pushAfterCommit(
  deps: Pick<ServiceDeps, 'push'>,
  kind: PushKind,
  userIds: string[],
  spaceId: string,
  opaqueId = '',
): Promise<void> {
  await deps.push?.enqueue(kind, userIds, spaceId, opaqueId);
}
