import { formatDate } from '../../../platform/i18n/format.ts';
import { t } from '../messages.ts';
import { dailyRounds } from './store.ts';
import { dayTime, questionPath } from './use-day.ts';
import { neighbourDayOpen } from './views.ts';

/**
 * A link to the question of the day before or after `day` when it waits for my answer (a partner
 * a time zone away started it on their own date). Says nothing of who answered or waits.
 */
export function NeighbourDay({ spaceId, day }: { spaceId: string; day: string }) {
  const other = neighbourDayOpen(day, dailyRounds.value.get(spaceId) ?? []);
  if (!other) return null;
  return (
    <p class="daily-also">
      <a class="button secondary" href={questionPath(spaceId, other.day)}>
        {t('daily.alsoOpen', { date: formatDate(dayTime(other.day)) })}
      </a>
    </p>
  );
}
