/**
 * The work behind "Your data", loaded only when the screen asks for it (with fflate). Everything
 * happens on this device: the copies are made from what sync has already decrypted here, and an
 * imported copy is opened here and written through the outbox like anything the person writes.
 */
import { deriveArchiveKeyOffThread } from '../../vault/kdf.ts';
import { me } from '../../vault/status.ts';
import { engine } from '../../sync/index.ts';
import { readableSpaces, type ReadableSpace } from '../../sync/readable.ts';
import { memberName, spaceTitle } from '../../spaces/names.ts';
import { spaces } from '../../spaces/store.ts';
import { personalSpaceId } from '../../spaces/my-spaces.ts';
import { ActionError } from '../../platform/errors/action-error.ts';
import { newArchiveHeader, openArchive, readArchiveHeader, sealArchive } from '../../../crypto/archive.ts';
import { CryptoError } from '../../../crypto/errors.ts';
import { ArchiveFormatError, buildArchive, decodeArchive, encodeArchive, MAX_ARCHIVE_BYTES, planImport, presentIn, type ImportPlan } from './archive-format.ts';
import { readableFiles, type ReadablePlace } from './readable.ts';
import { t } from './messages.ts';

export interface MadeFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** The readable places: titles and names as this person sees them, the record kinds' own fields. */
function readablePlaces(list: readonly ReadableSpace[], myId: string): ReadablePlace[] {
  return list.map((s) => {
    const view = spaces.value.find((v) => v.id === s.summary.id);
    const title = s.summary.kind === 'personal' ? t('data.page.justMe') : view ? spaceTitle(view) : t('data.page.unnamed');
    const author = (id: string): string => {
      if (id === myId) return t('data.page.you');
      const member = view?.members.find((m) => m.userId === id);
      return member?.displayName ? memberName(member) : t('data.page.someone');
    };
    return {
      title,
      kind: s.summary.kind,
      entries: s.records.filter((r) => r.def.copied !== false).map((r) => {
        const { k: _k, v: _v, n: _n, ...fields } = r.plain;
        return { kind: r.def.kind, author: author(r.authorId), at: r.createdAt, fields };
      }),
    };
  });
}

/** Today's date for file names, on this device's calendar. */
function stamp(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function current(): Promise<{ list: ReadableSpace[]; myId: string }> {
  const myId = me.value?.id;
  if (!myId) throw new ActionError('not-found');
  // Whatever arrived since the screen opened, so the copy is as fresh as this device can make it.
  await engine.syncNow();
  return { list: await readableSpaces(engine), myId };
}

export const actions = {
  /** A zip of the copy to read (readable.ts). */
  async readableCopy(): Promise<MadeFile> {
    const { list, myId } = await current();
    const now = Date.now();
    const files = readableFiles(readablePlaces(list, myId), now);
    const { zipSync, strToU8 } = await import('fflate');
    const bytes = zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), { level: 6 });
    return { name: `innermost-${stamp(now)}.zip`, type: 'application/zip', bytes };
  },

  /** The encrypted copy of my own records (archive-format.ts inside crypto/archive.ts). */
  async encryptedCopy(passphrase: string): Promise<MadeFile> {
    const { list, myId } = await current();
    const now = Date.now();
    const nameOf = (id: string) => spaces.value.find((v) => v.id === id)?.name ?? null;
    const plaintext = encodeArchive(buildArchive(list, myId, now, nameOf));
    const header = newArchiveHeader();
    const key = await deriveArchiveKeyOffThread(passphrase, header);
    try {
      return { name: `innermost-${stamp(now)}.innermost`, type: 'application/octet-stream', bytes: sealArchive(key, header, plaintext) };
    } finally {
      key.fill(0);
      plaintext.fill(0);
    }
  },

  /** Opens an encrypted copy and says what it would add to Just me (nothing is written yet). */
  async previewImport(file: Uint8Array, passphrase: string): Promise<ImportPlan> {
    if (file.length > MAX_ARCHIVE_BYTES) throw new ActionError('archive-too-big');
    const personalId = personalSpaceId();
    if (!personalId) throw new ActionError('not-found');
    let plaintext: Uint8Array;
    try {
      const header = readArchiveHeader(file);
      const key = await deriveArchiveKeyOffThread(passphrase, header);
      try {
        plaintext = openArchive(key, file);
      } finally {
        key.fill(0);
      }
    } catch (error) {
      if (error instanceof CryptoError && error.code === 'unsupported-version') throw new ActionError('archive-newer');
      if (error instanceof CryptoError && error.code === 'decrypt-failed') throw new ActionError('archive-wrong-passphrase');
      if (error instanceof CryptoError) throw new ActionError('archive-invalid');
      throw error;
    }
    // What Just me holds now, so what is already here is left out (a copy added twice).
    const mine = (await current()).list.find((s) => s.summary.id === personalId)?.records ?? [];
    try {
      return planImport(decodeArchive(plaintext), personalId, presentIn(mine));
    } catch (error) {
      if (error instanceof ArchiveFormatError) throw new ActionError(error.code === 'newer' ? 'archive-newer' : 'archive-invalid');
      throw error;
    } finally {
      plaintext.fill(0);
    }
  },

  /**
   * Adds what the preview showed to Just me: everything from Just me, and the shared places'
   * copies the person chose (by their index in `plan.shared`). Returns how many were added.
   */
  async addToJustMe(plan: ImportPlan, chosenShared: readonly number[]): Promise<number> {
    const personalId = personalSpaceId();
    if (!personalId) throw new ActionError('not-found');
    const records = [...plan.personal.records, ...plan.shared.filter((_, i) => chosenShared.includes(i)).flatMap((g) => g.records)];
    for (const r of records) await engine.write(personalId, r.def, r.body);
    await engine.flush();
    return records.length;
  },
};

export type ExportActions = typeof actions;
