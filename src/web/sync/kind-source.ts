/**
 * Where the record kinds come from. Sync names no feature, so the app (which names them all)
 * provides a loader at start; the session registers what it loads before the first sync (the
 * cache is replayed at start, so a kind registered later would miss its records). A loader, not
 * the kinds themselves, so the signed-out first screen carries none of them.
 */
import type { RecordKind } from './kinds.ts';

/** Kinds of every body type, as the registry holds them. */
type KindLoader = () => Promise<readonly RecordKind<any>[]>;

let loader: KindLoader | null = null;

export function provideKinds(load: KindLoader): void {
  loader = load;
}

export async function providedKinds(): Promise<readonly RecordKind<any>[]> {
  if (!loader) throw new Error('record kinds were not provided (see app/main.tsx)');
  return loader();
}
