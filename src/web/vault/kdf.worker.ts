/// <reference lib="webworker" />
/**
 * Argon2id runs here, off the main thread, so the screen stays responsive during the ~0.5 s
 * (64 MiB) it takes. The worker answers one derivation per message.
 */
import { deriveAccountKeys, type KdfParams } from '../../crypto/kdf.ts';

interface Request {
  id: number;
  password: string;
  salt: Uint8Array;
  params: KdfParams;
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, password, salt, params } = event.data;
  try {
    const keys = await deriveAccountKeys(password, salt, params);
    self.postMessage({ id, ok: true, masterKey: keys.masterKey, loginKey: keys.loginKey });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    self.postMessage({ id, ok: false, code: typeof code === 'string' ? code : 'kdf-failed' });
  }
};
