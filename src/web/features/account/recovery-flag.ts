/**
 * The device's note that a recovery code was shown and not yet confirmed. Tiny on purpose: Today
 * asks it on every visit, and loads the reminder's card (and the account's words) only when it
 * says yes.
 */
import { deleteDevice, getDevice, putDevice } from '../../platform/local-db.ts';

const KEY = 'recovery-unconfirmed';

export async function unconfirmedOnThisDevice(): Promise<boolean> {
  return (await getDevice<boolean>(KEY).catch(() => false)) === true;
}

export async function setUnconfirmed(unconfirmed: boolean): Promise<void> {
  await (unconfirmed ? putDevice(KEY, true) : deleteDevice(KEY)).catch(() => undefined);
}
