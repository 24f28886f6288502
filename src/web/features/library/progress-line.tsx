import type { Program } from '../../../shared/library.ts';
import { partnerProgress, programProgress } from './store.ts';
import { t } from './messages.ts';
import { doneCount } from './progress.ts';

/** "2 of 5 steps done", "Paused · …" or "Not started", for me. */
export function myProgressText(program: Program): string {
  const progress = programProgress.value.get(program.id);
  if (!progress) return t('programs.notStarted');
  const params = { done: doneCount(program, progress.done), total: program.steps.length };
  return progress.status === 'paused' ? t('programs.paused', params) : t('programs.progress', params);
}

/** One line per partner who shares their progress in this program with me. */
export function PartnerProgressLines({ program }: { program: Program }) {
  const lines = partnerProgress.value.filter((p) => p.programId === program.id);
  if (lines.length === 0) return null;
  return (
    <ul class="plain-list partner-progress" role="list">
      {lines.map((p) => {
        const params = { name: p.name, done: doneCount(program, p.done), total: program.steps.length };
        return <li key={p.userId}>{p.status === 'paused' ? t('programs.partnerPaused', params) : t('programs.partnerProgress', params)}</li>;
      })}
    </ul>
  );
}
