import { useEffect, useRef, useState } from 'preact/hooks';
import type { Exercise } from '../../../../shared/content.ts';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SyncStatus } from '../../../sync/sync-status.tsx';
import { AnswerForm } from '../answer-form.tsx';
import { Closed } from '../closed.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { draftKeyForRound, exerciseOf, exerciseTitle, findRound, withLine } from '../names.ts';
import { Revealed } from '../revealed.tsx';
import { SealStatusList, Waiting } from '../waiting.tsx';
import { spaceTitle } from '../../../spaces/names.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { roundActions } from '../actions.ts';
import { roundsBySpace } from '../store.ts';
import type { Answers, RoundView } from '../types.ts';
import { syncState } from '../../../sync/status.ts';
import { t } from '../messages.ts';
import { Loading } from '../../../ui/loading.tsx';
import '../rounds.css';

export function RoundNotFound({ spaceId, spaceName }: { spaceId: string; spaceName: string }) {
  return (
    <div class="screen">
      <ScreenTitle>{t('round.notFoundTitle')}</ScreenTitle>
      <p>{t('round.notFoundBody')}</p>
      <div class="actions">
        <a class="button primary" href={`/spaces/${spaceId}`}>
          {t('round.backToSpace', { space: spaceName })}
        </a>
      </div>
    </div>
  );
}

/** The round I take part in, or 'loading' / null (see useSpace). */
export function useRound(spaceId: string, roundId: string): RoundView | 'loading' | null {
  const round = findRound(roundsBySpace.value, spaceId, roundId);
  if (round) return round;
  if (syncState.value.lastSyncedAt === null) return 'loading';
  return null;
}

/**
 * One exercise in a shared space, in whichever state it is: answering (intro, then lines, then
 * "Seal my answers"), sealed and waiting, revealed, or closed. It changes live as others seal.
 */
export default function Round({ id, roundId }: { id: string; roundId: string }) {
  const space = useSpace(id);
  const round = useRound(id, roundId);
  const status = round && round !== 'loading' ? round.status : null;
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'open' && status === 'revealed') announce(t('live.revealed'));
    previous.current = status;
  }, [status]);

  if (space === 'loading' || round === 'loading') return <Loading />;
  if (!space || space.kind !== 'shared' || !round) return <RoundNotFound spaceId={id} spaceName={space ? spaceTitle(space) : t('space.unnamed')} />;
  const exercise = exerciseOf(round);
  const title = exerciseTitle(round);

  return (
    <div class="screen round">
      <ScreenTitle>{title}</ScreenTitle>
      <p class="muted">
        {[spaceTitle(space), withLine(round)].filter(Boolean).join(' · ')}
      </p>
      <SyncStatus />
      {!exercise ? (
        <div class="notice notice-security" role="alert">
          <p>{t('exercise.unknown')}</p>
        </div>
      ) : (
        <RoundBody round={round} exercise={exercise} />
      )}
      <p class="aside-link">
        <a href={`/spaces/${id}`}>{t('round.backToSpace', { space: spaceTitle(space) })}</a>
      </p>
    </div>
  );
}

function RoundBody({ round, exercise }: { round: RoundView; exercise: Exercise }) {
  if (round.status === 'withdrawn' || round.status === 'cancelled') return <Closed round={round} />;
  if (round.status === 'revealed') return <Revealed round={round} exercise={exercise} />;
  if (round.iHaveSealed) return <Waiting round={round} />;
  return <Answering round={round} exercise={exercise} />;
}

function Answering({ round, exercise }: { round: RoundView; exercise: Exercise }) {
  const [confirm, setConfirm] = useState<{ answers: Answers; hasEmpty: boolean } | null>(null);
  const key = draftKeyForRound(round.id);
  return (
    <>
      <AnswerForm
        exercise={exercise}
        draftKey={key}
        whoSees={t('round.whoSees')}
        renderSubmit={({ answers, hasEmpty }) => (
          <div class="actions">
            <button type="button" class="button primary" onClick={() => setConfirm({ answers: answers(), hasEmpty })}>
              {t('round.seal')}
            </button>
          </div>
        )}
      />
      <section class="quiet-section stack" aria-label={t('round.statusTitle')}>
        <SealStatusList round={round} />
        <p class="muted small">{t('round.ownPace')}</p>
      </section>
      <ConfirmDialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        title={t('round.sealTitle')}
        confirmLabel={t('round.sealConfirm')}
        busyLabel={t('round.sealBusy')}
        cancelLabel={t('round.sealCancel')}
        onConfirm={async () => {
          await roundActions.sealAnswers({ spaceId: round.spaceId, roundId: round.id, answers: confirm!.answers });
          await roundActions.clearDraft(key).catch(() => undefined);
          announce(t('live.sealed'));
        }}
      >
        <p>{t('round.sealBody')}</p>
        {confirm?.hasEmpty && <p class="muted">{t('round.sealEmpty')}</p>}
      </ConfirmDialog>
    </>
  );
}
