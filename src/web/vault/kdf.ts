/**
 * Password -> (masterKey, loginKey), and PIN -> app lock secret, through Argon2id in a Web Worker
 * (see kdf.worker.ts).
 * The parameters are checked against our hard-coded floor before any work is done, so a
 * server cannot talk the client into weak hashing.
 */
import { assertKdfParams, type KdfParams } from '../../crypto/kdf.ts';
import type { ArchiveHeader } from '../../crypto/archive.ts';
import { ActionError } from '../platform/errors/action-error.ts';

interface Reply {
  id: number;
  ok: boolean;
  masterKey?: Uint8Array;
  loginKey?: Uint8Array;
  secret?: Uint8Array;
  code?: string;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: Reply) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
  }
  return worker;
}

function ask(message: object): Promise<Reply> {
  const id = nextId++;
  return new Promise<Reply>((resolve) => {
    waiting.set(id, resolve);
    getWorker().postMessage({ id, ...message });
  });
}

export async function deriveKeys(
  password: string,
  salt: Uint8Array,
  params: KdfParams,
): Promise<{ masterKey: Uint8Array; loginKey: Uint8Array }> {
  try {
    assertKdfParams(params);
  } catch {
    throw new ActionError('kdf-params-too-weak');
  }
  const reply = await ask({ kind: 'account', password, salt, params });
  if (!reply.ok || !reply.masterKey || !reply.loginKey) throw new ActionError(reply.code ?? 'kdf-failed');
  return { masterKey: reply.masterKey, loginKey: reply.loginKey };
}

/** The app lock's PIN secret (crypto/pin.ts), in the same worker: a phone's screen keeps drawing meanwhile. */
export async function derivePinSecretOffThread(pin: string, salt: Uint8Array): Promise<Uint8Array> {
  const reply = await ask({ kind: 'pin', pin, salt });
  if (!reply.ok || !reply.secret) throw new ActionError(reply.code ?? 'kdf-failed');
  return reply.secret;
}

/** An export archive's key from its passphrase (crypto/archive.ts), in the same worker. */
export async function deriveArchiveKeyOffThread(passphrase: string, header: ArchiveHeader): Promise<Uint8Array> {
  const reply = await ask({ kind: 'archive', passphrase, header });
  if (!reply.ok || !reply.secret) throw new ActionError(reply.code ?? 'kdf-failed');
  return reply.secret;
}
