/**
 * What is new with partners in their shared programs, for Today: "Sam finished step 3 of …",
 * "Sam started …". One line per partner and program (their newest news), only from the last few
 * days, never a tally. Pure, for tests.
 */
import type { Program } from '../../../shared/library.ts';
import type { PartnerActivity } from './store.ts';

/** News stays news for three days; after that it is part of their progress, not of Today. */
export const PARTNER_NEWS_MS = 3 * 24 * 60 * 60 * 1000;
/** Today stays calm: a few lines at most, the newest. */
const MAX_NEWS = 3;

export interface PartnerNews {
  userId: string;
  name: string;
  program: Program;
  what: 'started' | 'finished';
  /** 1-based position of the step finished. */
  step: number;
  at: number;
}

export function partnerNews(activity: readonly PartnerActivity[], programs: readonly Program[], now: number): PartnerNews[] {
  const recent = (at: number) => at > 0 && now - at < PARTNER_NEWS_MS;
  const out: PartnerNews[] = [];
  for (const a of activity) {
    const program = programs.find((p) => p.id === a.programId);
    if (!program) continue;
    let news: PartnerNews | null = null;
    if (a.status === 'active' && recent(a.startedAt)) news = { userId: a.userId, name: a.name, program, what: 'started', step: 0, at: a.startedAt };
    for (const done of a.done) {
      const index = program.steps.findIndex((s) => s.id === done.stepId);
      if (index < 0 || !recent(done.at)) continue;
      // A finished step is bigger news than starting, at the same moment; the later step wins a tie.
      if (!news || done.at > news.at || (done.at === news.at && (news.what === 'started' || index + 1 > news.step))) {
        news = { userId: a.userId, name: a.name, program, what: 'finished', step: index + 1, at: done.at };
      }
    }
    if (news) out.push(news);
  }
  return out.sort((x, y) => y.at - x.at).slice(0, MAX_NEWS);
}
