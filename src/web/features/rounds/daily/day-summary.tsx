import { listNames } from '../../../platform/i18n/format.ts';
import { t } from '../messages.ts';
import { participantName } from '../names.ts';
import type { RoundView } from '../types.ts';
import { AnswerLine } from './answer-line.tsx';
import { NeighbourDay } from './neighbour-day.tsx';
import { OpenAnswers } from './open-answers.tsx';
import { historyPath, questionPath, questionText } from './use-day.ts';
import type { DayState } from './views.ts';

function othersOf(round: RoundView): string {
  return listNames(round.participants.filter((p) => !p.isMe).map(participantName));
}

/**
 * Today's question in one place, where the person already is (Today, the place's screen): answer
 * it in a line right here, and read everyone's lines here when they open, live. Never who has not
 * answered yet, never a count. The question's own screen adds what to talk about next.
 */
export function DaySummary({ spaceId, state, alone, brief = false }: { spaceId: string; state: DayState; alone: boolean; brief?: boolean }) {
  const question = questionText(state.exerciseId);
  return (
    <>
      {question && <p class="daily-question">{question}</p>}
      {state.kind === 'ask' && question && brief && (
        <div class="actions">
          <a class="button secondary" href={questionPath(spaceId)}>
            {t('daily.answerForMe')}
          </a>
        </div>
      )}
      {state.kind === 'ask' && question && !brief && (
        <AnswerLine spaceId={spaceId} day={state.day} exerciseId={state.exerciseId} alone={alone && !state.round} onDone={() => undefined} />
      )}
      {state.kind === 'waiting' && <p role="status">{t('daily.in')}</p>}
      {state.kind === 'open' && (
        <>
          <p>{t('daily.openWith', { names: othersOf(state.round) })}</p>
          <OpenAnswers round={state.round} />
        </>
      )}
      {state.kind === 'private' && <p>{t('daily.kept')}</p>}
      {state.kind === 'stopped' && <p>{t('daily.stopped')}</p>}
      {!brief && <NeighbourDay spaceId={spaceId} day={state.day} />}
      <div class="actions actions-row">
        {state.kind === 'open' && (
          <a class="button secondary" href={questionPath(spaceId)}>
            {t('daily.talkLink')}
          </a>
        )}
        <a class="button secondary" href={historyPath(spaceId)}>
          {t('daily.history')}
        </a>
      </div>
    </>
  );
}
