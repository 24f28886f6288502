import { formatDate } from '../../../../platform/i18n/format.ts';
import { Loading } from '../../../../ui/loading.tsx';
import { ScreenTitle } from '../../../../ui/screen-title.tsx';
import { spaceTitle } from '../../../../spaces/names.ts';
import { useSpace } from '../../../../spaces/use-space.ts';
import { SyncStatus } from '../../../../sync/sync-status.tsx';
import { t } from '../../messages.ts';
import { NotHere } from '../not-here.tsx';
import { OpenAnswers } from '../open-answers.tsx';
import { dailyReady, dailyRounds, privateDailyAnswers } from '../store.ts';
import { dayTime, questionPath, questionText } from '../use-day.ts';
import { historyOf, type HistoryEntry } from '../views.ts';
import '../../rounds.css';
import '../daily.css';

/** Every day's question in a space, newest first, with the answers once they opened; kept like any record. */
export default function DailyHistory({ id }: { id: string }) {
  const space = useSpace(id);
  if (space === 'loading' || !dailyReady.value) return <Loading />;
  if (!space || space.members.find((m) => m.isMe)?.status !== 'active') return <NotHere />;
  const entries = historyOf(id, dailyRounds.value.get(id) ?? [], privateDailyAnswers.value);
  const back = space.kind === 'personal' ? { href: '/', label: t('daily.backToday') } : { href: `/spaces/${id}`, label: t('daily.back', { space: spaceTitle(space) }) };
  return (
    <div class="screen daily round">
      <ScreenTitle>{t('daily.history')}</ScreenTitle>
      <p class="muted">{space.kind === 'personal' ? t('daily.justYou') : spaceTitle(space)}</p>
      <p class="lead">{t('daily.historyLead')}</p>
      <SyncStatus />
      {entries.length === 0 ? (
        <p class="muted">{t('daily.historyNone')}</p>
      ) : (
        <ul class="space-list daily-history" role="list">
          {entries.map((entry) => (
            <li key={entry.kind === 'round' ? entry.round.id : entry.answer.id} class="card stack">
              <Entry spaceId={id} entry={entry} />
            </li>
          ))}
        </ul>
      )}
      <p class="aside-link">
        <a href={questionPath(id)}>{t('daily.toToday')}</a>
      </p>
      <p class="aside-link">
        <a href={back.href}>{back.label}</a>
      </p>
    </div>
  );
}

function Entry({ spaceId, entry }: { spaceId: string; entry: HistoryEntry }) {
  const question = questionText(entry.exerciseId);
  return (
    <>
      <p class="muted small">{formatDate(dayTime(entry.day))}</p>
      <h2 class="daily-question">{question ?? t('daily.historyUnknown')}</h2>
      {entry.kind === 'private' ? (
        <>
          <p class="muted small">{t('daily.onlyYou')}</p>
          <p class="answer">{entry.answer.text ?? t('daily.youPassed')}</p>
        </>
      ) : entry.round.status === 'revealed' ? (
        question && <OpenAnswers round={entry.round} />
      ) : entry.round.status === 'open' ? (
        entry.round.iHaveSealed ? (
          <p>{t('daily.historyWaiting')}</p>
        ) : (
          <div class="actions">
            <a class="button secondary" href={questionPath(spaceId, entry.day)}>
              {t('daily.historyAnswer')}
            </a>
          </div>
        )
      ) : (
        <p>{t('daily.historyStopped')}</p>
      )}
    </>
  );
}
