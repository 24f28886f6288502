import { useEffect, useRef, useState } from 'preact/hooks';
import { localDay } from '../../../../platform/calendar.ts';
import { formatDate } from '../../../../platform/i18n/format.ts';
import { listNames } from '../../../../platform/i18n/format.ts';
import { announce } from '../../../../ui/live-region.tsx';
import { Loading } from '../../../../ui/loading.tsx';
import { ScreenTitle } from '../../../../ui/screen-title.tsx';
import { spaceTitle } from '../../../../spaces/names.ts';
import { useSpace } from '../../../../spaces/use-space.ts';
import { SyncStatus } from '../../../../sync/sync-status.tsx';
import { getExercise } from '../../../../../../content/catalog.ts';
import { t } from '../../messages.ts';
import { participantName } from '../../names.ts';
import { AnswerLine } from '../answer-line.tsx';
import { isDay } from '../day.ts';
import { DepthChoice } from '../depth-choice.tsx';
import { OpenAnswers } from '../open-answers.tsx';
import { dailyReady } from '../store.ts';
import type { DailyOutcome } from '../types.ts';
import { answersAlone, dayTime, historyPath, questionText, useDay } from '../use-day.ts';
import type { DayState } from '../views.ts';
import { NotHere } from '../not-here.tsx';
import { NeighbourDay } from '../neighbour-day.tsx';
import '../../rounds.css';
import '../daily.css';

/**
 * A space's question of the day (today on this device, or an earlier day still open): answer in
 * a line or pass; then "you're in" until everyone has answered, when the answers open here live.
 */
export default function DailyQuestion({ id, day: dayParam }: { id: string; day?: string }) {
  const space = useSpace(id);
  const today = localDay();
  const day = dayParam && isDay(dayParam) ? dayParam : today;
  const state = useDay(id, day);
  const [outcome, setOutcome] = useState<DailyOutcome | null>(null);
  const previous = useRef(state?.kind);
  useEffect(() => {
    if (previous.current === 'waiting' && state?.kind === 'open') announce(t('live.revealed'));
    previous.current = state?.kind;
  }, [state?.kind]);

  if (space === 'loading' || !dailyReady.value) return <Loading />;
  if (!space || space.members.find((m) => m.isMe)?.status !== 'active') return <NotHere />;
  const alone = answersAlone(space);
  const title = day === today ? t('daily.title') : t('daily.titleOn', { date: formatDate(dayTime(day)) });
  const others = space.members.filter((m) => !m.isMe && m.status === 'active').map(participantName);
  const back = space.kind === 'personal' ? { href: '/', label: t('daily.backToday') } : { href: `/spaces/${id}`, label: t('daily.back', { space: spaceTitle(space) }) };

  return (
    <div class="screen daily round">
      <ScreenTitle>{title}</ScreenTitle>
      <p class="muted">
        {space.kind === 'personal' ? t('daily.justYou') : [spaceTitle(space), others.length ? t('round.with', { names: listNames(others) }) : null].filter(Boolean).join(' · ')}
      </p>
      <SyncStatus />
      {outcome?.outcome === 'question-changed' && state?.kind === 'ask' && (
        <p class="notice notice-info" role="status">
          {t('daily.changed')}
        </p>
      )}
      {state ? <DayBody spaceId={id} state={state} alone={alone} outcome={outcome} onDone={setOutcome} /> : <p>{t('daily.none')}</p>}
      <NeighbourDay spaceId={id} day={day} />
      <p class="aside-link">
        <a href={historyPath(id)}>{t('daily.history')}</a>
      </p>
      {day === today && (
        <details class="daily-depth">
          <summary>{t('daily.depthLegend')}</summary>
          <DepthChoice spaceId={id} alone={alone} />
        </details>
      )}
      <p class="aside-link">
        <a href={back.href}>{back.label}</a>
      </p>
    </div>
  );
}

interface BodyProps {
  spaceId: string;
  state: DayState;
  alone: boolean;
  outcome: DailyOutcome | null;
  onDone(outcome: DailyOutcome): void;
}

function DayBody({ spaceId, state, alone, outcome, onDone }: BodyProps) {
  const question = questionText(state.exerciseId);
  if (!question) {
    return (
      <div class="notice notice-security" role="alert">
        <p>{t('exercise.unknown')}</p>
      </div>
    );
  }
  const questionBlock = (
    <section class="card stack" aria-labelledby="daily-question">
      <h2 id="daily-question" class="daily-question">
        {question}
      </h2>
      {state.kind === 'ask' && <AnswerLine spaceId={spaceId} day={state.day} exerciseId={state.exerciseId} alone={alone && !state.round} onDone={onDone} />}
      {state.kind === 'waiting' && (
        <>
          <p role="status">{t('daily.in')}</p>
          <p class="muted small">{t('daily.inMeanwhile')}</p>
        </>
      )}
      {state.kind === 'private' && <PrivateAnswer state={state} outcome={outcome} />}
      {state.kind === 'stopped' && <p>{t('daily.stopped')}</p>}
    </section>
  );
  if (state.kind !== 'open') return questionBlock;
  const after = getExercise(state.exerciseId)?.after.discussionPrompts ?? [];
  return (
    <>
      {questionBlock}
      <section class="card stack" aria-labelledby="daily-open-title">
        <h2 id="daily-open-title">{t('daily.openLead')}</h2>
        <OpenAnswers round={state.round} />
      </section>
      {after.length > 0 && (
        <section class="quiet-card card stack" aria-labelledby="daily-talk-title">
          <h2 id="daily-talk-title">{t('daily.talkTitle')}</h2>
          <ul class="explain-list">
            {after.map((prompt) => (
              <li key={prompt}>{prompt}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function PrivateAnswer({ state, outcome }: { state: Extract<DayState, { kind: 'private' }>; outcome: DailyOutcome | null }) {
  const why =
    outcome?.outcome === 'private' && outcome.reason === 'joined-later'
      ? t('daily.keptLater')
      : outcome?.outcome === 'private' && outcome.reason === 'stopped'
        ? t('daily.keptStopped')
        : t('daily.kept');
  return (
    <>
      <p role="status">{why}</p>
      <p class="answer">{state.answer.text ?? t('daily.youPassed')}</p>
    </>
  );
}
