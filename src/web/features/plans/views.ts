/**
 * What the plans screens show, from a place's documents: coming plans with everyone's answers,
 * the plans that ended lately and wait for my "How was it?", the log of moments. Pure. Nothing
 * here counts what did not happen: a plan nobody took up simply ends, and a passed slot is gone.
 */
import type { Answer, EnergyDoc, MomentDoc, OwnIdeaDoc, PlanDoc, ResponseDoc, RhythmDoc } from './kinds.ts';

export interface MemberLite {
  userId: string;
  name: string;
  isMe: boolean;
}

export interface AnswerView {
  userId: string;
  name: string;
  isMe: boolean;
  /** Null: not answered (for this time) yet. */
  answer: Answer | null;
  other?: number;
  /** The zone they answered from, to show the time in theirs. */
  tz?: string;
}

export interface PlanView extends PlanDoc {
  answers: AnswerView[];
  mine: Answer | null;
  /** Everyone other than those who passed said yes. */
  agreed: boolean;
}

/** How long after its end a plan still asks "How was it?". */
export const AFTER_WINDOW_MS = 14 * 86_400_000;

/**
 * My answer to a plan counts for the time it had when I answered. Whoever proposed it or changed
 * it to its time agreed to that time; whoever asked for exactly the time it now has agreed too.
 */
function answerFor(plan: PlanDoc, member: MemberLite, responses: ReadonlyMap<string, ResponseDoc>): Pick<AnswerView, 'answer' | 'other' | 'tz'> {
  const r = responses.get(`${plan.id} ${member.userId}`);
  if (r && r.answer === 'pass') return { answer: 'pass', tz: r.tz };
  if (r && r.answer === 'other-time' && r.other === plan.at) return { answer: 'yes', tz: r.tz };
  if (r && r.at === plan.at) return { answer: r.answer, ...(r.other !== undefined ? { other: r.other } : {}), tz: r.tz };
  if (plan.changedBy === member.userId || (plan.n === 1 && plan.by === member.userId)) return { answer: 'yes', tz: plan.tz };
  return { answer: null, ...(r ? { tz: r.tz } : {}) };
}

export function planView(plan: PlanDoc, members: readonly MemberLite[], responses: ReadonlyMap<string, ResponseDoc>): PlanView {
  const answers = members.map((m) => ({ userId: m.userId, name: m.name, isMe: m.isMe, ...answerFor(plan, m, responses) }));
  const mine = answers.find((a) => a.isMe)?.answer ?? null;
  const agreed = answers.every((a) => a.answer === 'yes' || a.answer === 'pass') && answers.some((a) => a.answer === 'yes');
  return { ...plan, answers, mine, agreed };
}

export interface SpacePlansInput {
  members: readonly MemberLite[];
  rhythms: Iterable<RhythmDoc>;
  plans: Iterable<PlanDoc>;
  responses: ReadonlyMap<string, ResponseDoc>;
  moments: Iterable<MomentDoc>;
  energy: Iterable<EnergyDoc>;
  ownIdeas: Iterable<OwnIdeaDoc>;
  /** Plan ids I already answered "How was it?" for (or skipped). */
  afterDone: ReadonlySet<string>;
}

export interface SpacePlans {
  rhythms: RhythmDoc[];
  /** Not cancelled and not ended, soonest first. */
  coming: PlanView[];
  /** Ended within the window, not cancelled, I did not pass, and I have not answered: newest first. */
  howWasIt: PlanView[];
  /** Newest first. */
  moments: MomentDoc[];
  energy: EnergyDoc[];
  ownIdeas: OwnIdeaDoc[];
}

export const NO_SPACE_PLANS: SpacePlans = { rhythms: [], coming: [], howWasIt: [], moments: [], energy: [], ownIdeas: [] };

export function spacePlans(input: SpacePlansInput, now: number): SpacePlans {
  const views = [...input.plans].filter((p) => !p.cancelled).map((p) => planView(p, input.members, input.responses));
  const end = (p: PlanDoc) => p.at + p.minutes * 60_000;
  const coming = views.filter((p) => end(p) > now).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const howWasIt = views
    .filter((p) => end(p) <= now && now - end(p) < AFTER_WINDOW_MS && p.mine !== 'pass' && p.answers.some((a) => a.answer === 'yes' && !a.isMe) && !input.afterDone.has(p.id))
    .sort((a, b) => b.at - a.at);
  const moments = [...input.moments].sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));
  const rhythms = [...input.rhythms].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  const ownIdeas = [...input.ownIdeas].sort((a, b) => a.title.localeCompare(b.title));
  return { rhythms, coming, howWasIt, moments, energy: [...input.energy], ownIdeas };
}
