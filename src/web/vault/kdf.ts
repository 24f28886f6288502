/**
 * Password -> (masterKey, loginKey) through Argon2id in a Web Worker (see kdf.worker.ts).
 * The parameters are checked against our hard-coded floor before any work is done, so a
 * server cannot talk the client into weak hashing.
 */
import { assertKdfParams, type KdfParams } from '../../crypto/kdf.ts';
import { ActionError } from '../platform/errors/action-error.ts';

interface Reply {
  id: number;
  ok: boolean;
  masterKey?: Uint8Array;
  loginKey?: Uint8Array;
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
  const id = nextId++;
  const reply = await new Promise<Reply>((resolve) => {
    waiting.set(id, resolve);
    getWorker().postMessage({ id, password, salt, params });
  });
  if (!reply.ok || !reply.masterKey || !reply.loginKey) throw new ActionError(reply.code ?? 'kdf-failed');
  return { masterKey: reply.masterKey, loginKey: reply.loginKey };
}
