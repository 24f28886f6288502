/**
 * The plaintext-canary check: after a journey, stop the server (so the database is flushed and
 * checkpointed), then no file under DATA_DIR may contain anything the people typed (as UTF-8 or
 * UTF-16), and the server's log may contain neither that nor their emails. With `pushPayloads`
 * (what the local push service decrypted, tests/support/push-service.ts), no push carries them
 * either.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunningServer } from './app-server.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export async function expectNothingTypedOnServer(
  server: RunningServer,
  typed: string[],
  emails: string[],
  options: { pushPayloads?: readonly unknown[] } = {},
): Promise<void> {
  if (options.pushPayloads) {
    const pushed = JSON.stringify(options.pushPayloads);
    for (const secret of [...typed, ...emails]) expect(pushed.includes(secret), `${secret} found in a push payload`).toBe(false);
  }
  await server.stop();
  const files = filesUnder(server.dataDir);
  expect(files.some((f) => f.endsWith('innermost.db'))).toBe(true);
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const canary of typed) {
      expect(bytes.includes(Buffer.from(canary, 'utf8')), `${canary} found in ${file}`).toBe(false);
      expect(bytes.includes(Buffer.from(canary, 'utf16le')), `${canary} (UTF-16) found in ${file}`).toBe(false);
    }
  }
  const log = server.output();
  expect(log).toContain('"msg":"stopped"'); // a graceful stop, not the grace-period exit
  expect(log).not.toContain('grace period over');
  for (const secret of [...typed, ...emails]) expect(log.includes(secret), `${secret} found in the log`).toBe(false);
}
