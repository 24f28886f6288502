/**
 * Programs, keeps, onboarding and self-assessments on top of the sync engine. Everything is a
 * record in my personal space (only I can read it). Program progress is also copied to the shared
 * spaces I chose to share it with, where partners' apps read it; nothing else leaves the personal
 * space. Works offline: writes go through the outbox and show at once.
 */
import { ActionError } from '../state/types.ts';
import { personalSpaceId, shareableSpaces } from '../state/my-spaces.ts';
import {
  assessments,
  kept,
  libraryReady,
  onboardingReason,
  partnerProgress,
  programProgress,
  progressSharing,
  type AssessmentView,
  type LibraryActions,
  type PartnerProgress,
  type ProgramProgress,
} from '../state/library-store.ts';
import { memberName } from '../features/spaces/space-names.ts';
import { libraryDocs, type LibraryDocs, type RecordBody } from '../sync/documents.ts';
import { onEngineChange, queuedBodies, spaceState, writeRecord } from '../sync/engine.ts';
import { sameJson } from '../lib/same-json.ts';
import { keyring } from '../vault/keyring.ts';

let activated = false;

/** Subscribes to the sync engine once; from then on the signals follow it. Idempotent. */
export function activate(): void {
  if (activated) return;
  activated = true;
  onEngineChange((change) => {
    if (change === 'stopped') return reset();
    publish();
  });
  publish();
}

function reset(): void {
  programProgress.value = new Map();
  partnerProgress.value = [];
  kept.value = new Set();
  onboardingReason.value = null;
  assessments.value = [];
  progressSharing.value = [];
  libraryReady.value = false;
}

/** The documents of a space with my queued writes applied on top (shown before they are sent). */
function docsWithQueued(spaceId: string, myId: string): LibraryDocs | null {
  const state = spaceState(spaceId);
  if (!state) return null;
  const saved = libraryDocs(state);
  const docs: LibraryDocs = {
    steps: new Map(saved.steps),
    programs: new Map(saved.programs),
    keeps: new Map(saved.keeps),
    onboarding: saved.onboarding,
    assessments: new Map(saved.assessments),
    progressSharing: saved.progressSharing,
  };
  for (const q of queuedBodies(spaceId)) {
    const b = q.body;
    const seq = Infinity;
    if (b.k === 'program-step') docs.steps.set(`${myId} ${b.programId}/${b.stepId}`, { value: b.done, seq });
    else if (b.k === 'program-state') {
      const key = `${myId} ${b.programId}`;
      docs.programs.set(key, { value: b.status, seq, startedAt: docs.programs.get(key)?.startedAt ?? q.queuedAt });
    } else if (b.k === 'keep') docs.keeps.set(`${b.what} ${b.ref}`, { value: b.kept, seq });
    else if (b.k === 'onboarding') docs.onboarding = { value: b.reasonId, seq };
    else if (b.k === 'assessment') docs.assessments.set(q.id, { scores: b.scores, seq, createdAt: q.queuedAt });
    else if (b.k === 'progress-sharing') docs.progressSharing = { value: b.shareWith, seq };
  }
  return docs;
}

/** Programs of one author in one space's documents. */
function progressOf(docs: LibraryDocs, authorId: string): Map<string, ProgramProgress> {
  const out = new Map<string, ProgramProgress>();
  for (const [key, entry] of docs.programs) {
    const [author, programId] = key.split(' ') as [string, string];
    if (author === authorId) out.set(programId, { status: entry.value, done: [], startedAt: entry.startedAt });
  }
  for (const [key, entry] of docs.steps) {
    const [author, ref] = key.split(' ') as [string, string];
    const [programId, stepId] = ref.split('/') as [string, string];
    if (author !== authorId || !entry.value) continue;
    // Marking a step done starts its program if it was not started yet.
    let progress = out.get(programId);
    if (!progress) out.set(programId, (progress = { status: 'active', done: [], startedAt: 0 }));
    progress.done.push(stepId);
  }
  for (const p of out.values()) p.done.sort();
  return out;
}

function publish(): void {
  const myId = keyring()?.userId;
  const personalId = personalSpaceId();
  if (!myId || !personalId) return;
  const docs = docsWithQueued(personalId, myId);
  if (docs) {
    const nextProgress = progressOf(docs, myId);
    if (!sameJson(programProgress.value, nextProgress)) programProgress.value = nextProgress;
    const nextKept = new Set([...docs.keeps].filter(([, v]) => v.value).map(([key]) => key));
    if (!sameJson([...kept.value].sort(), [...nextKept].sort())) kept.value = nextKept;
    const reason = docs.onboarding?.value ?? null;
    if (onboardingReason.value !== reason) onboardingReason.value = reason;
    const nextAssessments: AssessmentView[] = [...docs.assessments]
      .map(([id, a]) => ({ id, scores: a.scores, createdAt: a.createdAt, seq: a.seq }))
      .sort((a, b) => b.seq - a.seq || b.createdAt - a.createdAt)
      .map(({ id, scores, createdAt }) => ({ id, scores, createdAt }));
    if (!sameJson(assessments.value, nextAssessments)) assessments.value = nextAssessments;
    const sharing = docs.progressSharing?.value ?? [];
    if (!sameJson(progressSharing.value, sharing)) progressSharing.value = sharing;
  }
  const nextPartners = partners();
  if (!sameJson(partnerProgress.value, nextPartners)) partnerProgress.value = nextPartners;
  libraryReady.value = true;
}

/** Partners' progress copies, from every shared space we are both active in (the newest wins). */
function partners(): PartnerProgress[] {
  const byKey = new Map<string, PartnerProgress & { seq: number }>();
  for (const space of shareableSpaces()) {
    const state = spaceState(space.id);
    if (!state) continue;
    const docs = libraryDocs(state);
    for (const member of space.members) {
      if (member.isMe || member.status !== 'active') continue;
      for (const [programId, progress] of progressOf(docs, member.userId)) {
        const key = `${member.userId} ${programId}`;
        const seq = docs.programs.get(key)?.seq ?? 0;
        const current = byKey.get(key);
        if (!current || current.done.length < progress.done.length || current.seq < seq) {
          byKey.set(key, { userId: member.userId, name: memberName(member), programId, status: progress.status, done: progress.done, seq });
        }
      }
    }
  }
  return [...byKey.values()]
    .map(({ seq: _seq, ...p }) => p)
    .sort((a, b) => a.name.localeCompare(b.name) || a.programId.localeCompare(b.programId));
}

function signedIn(): { personalId: string } {
  const myId = keyring()?.userId;
  const personalId = personalSpaceId();
  if (!myId || !personalId) throw new ActionError('unauthenticated');
  return { personalId };
}

/** Writes a progress record to my personal space and a copy to each space I share progress with. */
async function writeProgress(body: RecordBody): Promise<void> {
  const { personalId } = signedIn();
  await writeRecord(personalId, body);
  const targets = shareableSpaces().filter((s) => progressSharing.value.includes(s.id));
  for (const space of targets) await writeRecord(space.id, body);
  publish();
}

export const libraryActionsImpl: LibraryActions = {
  async setProgramStatus(programId, status) {
    await writeProgress({ k: 'program-state', v: 1, programId, status });
  },

  async setStepDone(programId, stepId, done) {
    if (!programProgress.value.has(programId)) await writeProgress({ k: 'program-state', v: 1, programId, status: 'active' });
    await writeProgress({ k: 'program-step', v: 1, programId, stepId, done });
  },

  async keep(what, ref, keep) {
    const { personalId } = signedIn();
    await writeRecord(personalId, { k: 'keep', v: 1, what, ref, kept: keep });
    publish();
  },

  async chooseReason(reasonId) {
    const { personalId } = signedIn();
    await writeRecord(personalId, { k: 'onboarding', v: 1, reasonId });
    publish();
  },

  async saveAssessment(scores) {
    const { personalId } = signedIn();
    const id = await writeRecord(personalId, { k: 'assessment', v: 1, scores });
    publish();
    return { id };
  },

  async saveProgressSharing(shareWith) {
    const { personalId } = signedIn();
    const known = new Set(shareableSpaces().map((s) => s.id));
    const next = [...new Set(shareWith)].filter((id) => known.has(id));
    const added = next.filter((id) => !progressSharing.value.includes(id));
    await writeRecord(personalId, { k: 'progress-sharing', v: 1, shareWith: next });
    // Partners in a newly chosen space see where I am now, not only what I do next.
    for (const spaceId of added) {
      for (const [programId, progress] of programProgress.value) {
        await writeRecord(spaceId, { k: 'program-state', v: 1, programId, status: progress.status });
        for (const stepId of progress.done) await writeRecord(spaceId, { k: 'program-step', v: 1, programId, stepId, done: true });
      }
    }
    publish();
  },
};
