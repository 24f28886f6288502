/**
 * Programs, keeps, onboarding and self-assessments on top of the sync engine. Everything is a
 * record in my personal space (only I can read it). Program progress is also copied to the shared
 * spaces I chose to share it with, where partners' apps read it; nothing else leaves the personal
 * space. Works offline: writes go through the outbox and show at once.
 */
import { ActionError } from '../../platform/errors/action-error.ts';
import { personalSpaceId, shareableSpaces } from '../../spaces/my-spaces.ts';
import {
  assessments,
  kept,
  libraryReady,
  onboardingReason,
  partnerActivity,
  partnerProgress,
  programProgress,
  progressSharing,
  type AssessmentView,
  type LibraryActions,
  type PartnerActivity,
  type PartnerProgress,
  type ProgramProgress,
} from './store.ts';
import { memberName } from '../../spaces/names.ts';
import { followSync } from '../../sync/follow.ts';
import { engine } from '../../sync/index.ts';
import type { RecordKind } from '../../sync/kinds.ts';
import {
  assessmentKind,
  keepKind,
  libraryDocs,
  onboardingKind,
  programStateKind,
  programStepKind,
  progressSharingKind,
  type LibraryDocs,
} from './kinds.ts';
import { sameJson } from '../../platform/same-json.ts';
import { keyring } from '../../vault/keyring.ts';

/** Subscribes to the sync engine once; from then on the signals follow it. Idempotent. */
export const activate = followSync({ publish: () => publish(), reset });

function reset(): void {
  programProgress.value = new Map();
  partnerProgress.value = [];
  partnerActivity.value = [];
  kept.value = new Set();
  onboardingReason.value = null;
  assessments.value = [];
  progressSharing.value = [];
  libraryReady.value = false;
}

/** The documents of a space with my queued writes applied on top (shown before they are sent). */
function docsWithQueued(spaceId: string, myId: string): LibraryDocs | null {
  const state = engine.spaceState(spaceId);
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
  // Queued writes are newer than anything synced (their versions are one past what we hold).
  const n = Infinity;
  for (const { body: b, queuedAt } of engine.queuedOf(spaceId, programStepKind)) docs.steps.set(`${myId} ${b.programId}/${b.stepId}`, { value: b.done, n, at: queuedAt });
  for (const { body: b, queuedAt } of engine.queuedOf(spaceId, programStateKind)) {
    const key = `${myId} ${b.programId}`;
    docs.programs.set(key, { value: b.status, n, startedAt: docs.programs.get(key)?.startedAt ?? queuedAt });
  }
  for (const { body: b } of engine.queuedOf(spaceId, keepKind)) docs.keeps.set(`${b.what} ${b.ref}`, { value: b.kept, n });
  for (const { body: b } of engine.queuedOf(spaceId, onboardingKind)) docs.onboarding = { value: b.reasonId, n };
  for (const { id, body: b, queuedAt } of engine.queuedOf(spaceId, assessmentKind)) docs.assessments.set(id, { scores: b.scores, seq: Infinity, createdAt: queuedAt });
  for (const { body: b } of engine.queuedOf(spaceId, progressSharingKind)) docs.progressSharing = { value: b.shareWith, n };
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
  const nextActivity = activity();
  if (!sameJson(partnerActivity.value, nextActivity)) partnerActivity.value = nextActivity;
  libraryReady.value = true;
}

/** Partners' progress copies, from every shared space we are both active in (the newest wins). */
function partners(): PartnerProgress[] {
  const byKey = new Map<string, PartnerProgress & { n: number }>();
  for (const space of shareableSpaces()) {
    const state = engine.spaceState(space.id);
    if (!state) continue;
    const docs = libraryDocs(state);
    for (const member of space.members) {
      if (member.isMe || member.status !== 'active') continue;
      for (const [programId, progress] of progressOf(docs, member.userId)) {
        const key = `${member.userId} ${programId}`;
        const n = docs.programs.get(key)?.n ?? 0;
        const current = byKey.get(key);
        if (!current || current.done.length < progress.done.length || current.n < n) {
          byKey.set(key, { userId: member.userId, name: memberName(member), programId, status: progress.status, done: progress.done, n });
        }
      }
    }
  }
  return [...byKey.values()]
    .map(({ n: _n, ...p }) => p)
    .sort((a, b) => a.name.localeCompare(b.name) || a.programId.localeCompare(b.programId));
}

/**
 * Partners' programs with the time of each step done, for Today's news. A program shared in two
 * spaces appears once: its earliest start, and each step at the time it was first shared as done.
 */
function activity(): PartnerActivity[] {
  const byKey = new Map<string, PartnerActivity>();
  for (const space of shareableSpaces()) {
    const state = engine.spaceState(space.id);
    if (!state) continue;
    const docs = libraryDocs(state);
    const members = new Map(space.members.filter((m) => !m.isMe && m.status === 'active').map((m) => [m.userId, m]));
    const entry = (userId: string, programId: string): PartnerActivity => {
      const key = `${userId} ${programId}`;
      let a = byKey.get(key);
      if (!a) byKey.set(key, (a = { userId, name: memberName(members.get(userId)!), programId, status: 'active', startedAt: 0, done: [] }));
      return a;
    };
    for (const [key, program] of docs.programs) {
      const [userId, programId] = key.split(' ') as [string, string];
      if (!members.has(userId)) continue;
      const a = entry(userId, programId);
      a.status = program.value;
      a.startedAt = a.startedAt ? Math.min(a.startedAt, program.startedAt) : program.startedAt;
    }
    for (const [key, step] of docs.steps) {
      const [userId, ref] = key.split(' ') as [string, string];
      const [programId, stepId] = ref.split('/') as [string, string];
      if (!members.has(userId) || !step.value) continue;
      const a = entry(userId, programId);
      const known = a.done.find((d) => d.stepId === stepId);
      if (!known) a.done.push({ stepId, at: step.at });
      else known.at = Math.min(known.at, step.at);
    }
  }
  return [...byKey.values()]
    .map((a) => ({ ...a, done: a.done.sort((x, y) => x.stepId.localeCompare(y.stepId)) }))
    .sort((a, b) => a.userId.localeCompare(b.userId) || a.programId.localeCompare(b.programId));
}

function signedIn(): { personalId: string } {
  const myId = keyring()?.userId;
  const personalId = personalSpaceId();
  if (!myId || !personalId) throw new ActionError('unauthenticated');
  return { personalId };
}

/** Writes a progress record to my personal space and a copy to each space I share progress with. */
async function writeProgress<B>(kind: RecordKind<B>, body: B): Promise<void> {
  const { personalId } = signedIn();
  await engine.write(personalId, kind, body);
  const targets = shareableSpaces().filter((s) => progressSharing.value.includes(s.id));
  for (const space of targets) await engine.write(space.id, kind, body);
  publish();
}

export const actions: LibraryActions = {
  async setProgramStatus(programId, status) {
    await writeProgress(programStateKind, { programId, status });
  },

  async setStepDone(programId, stepId, done) {
    if (!programProgress.value.has(programId)) await writeProgress(programStateKind, { programId, status: 'active' });
    await writeProgress(programStepKind, { programId, stepId, done });
  },

  async keep(what, ref, keep) {
    const { personalId } = signedIn();
    await engine.write(personalId, keepKind, { what, ref, kept: keep });
    publish();
  },

  async chooseReason(reasonId) {
    const { personalId } = signedIn();
    await engine.write(personalId, onboardingKind, { reasonId });
    publish();
  },

  async saveAssessment(scores) {
    const { personalId } = signedIn();
    const id = await engine.write(personalId, assessmentKind, { scores });
    publish();
    return { id };
  },

  async saveProgressSharing(shareWith, { removeSharedFrom = [] } = {}) {
    const { personalId } = signedIn();
    const known = new Set(shareableSpaces().map((s) => s.id));
    const next = [...new Set(shareWith)].filter((id) => known.has(id));
    const added = next.filter((id) => !progressSharing.value.includes(id));
    await engine.write(personalId, progressSharingKind, { shareWith: next });
    // Copies already shared in spaces I stop sharing with, when I choose to take them back.
    for (const spaceId of removeSharedFrom.filter((id) => known.has(id) && !next.includes(id))) {
      await engine.deleteRecords(spaceId, [...engine.myRecordIds(spaceId, programStateKind), ...engine.myRecordIds(spaceId, programStepKind)]);
    }
    // Partners in a newly chosen space see where I am now, not only what I do next.
    for (const spaceId of added) {
      for (const [programId, progress] of programProgress.value) {
        await engine.write(spaceId, programStateKind, { programId, status: progress.status });
        for (const stepId of progress.done) await engine.write(spaceId, programStepKind, { programId, stepId, done: true });
      }
    }
    publish();
  },
};
