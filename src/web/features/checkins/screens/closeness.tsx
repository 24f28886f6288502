import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import type { Checkin } from '../checkin.ts';
import { checkinsToCsv } from '../csv.ts';
import { CHART_RANGES, addDays, dailySeries, rangeFor, type ChartRange } from '../days.ts';
import { calendarDay, deviceTimeZone } from '../../../platform/calendar.ts';
import { computeInsights } from '../insights.ts';
import { ClosenessChart } from '../chart/closeness-chart.tsx';
import type { ChartPerson } from '../chart/chart-model.ts';
import { InsightCard, isShownInsight } from '../insight-card.tsx';
import { checkinSettings, checkinsReady, justSaved, myCheckins, partnerCheckins } from '../store.ts';
import { compareFortnights, COMPARED_DAYS, describeChange } from '../change-summary.ts';
import { WEEKLY_DAYS } from '../chart/continuity.ts';
import { getDevice, putDevice } from '../../../platform/local-db.ts';
import { t } from '../messages.ts';
import { formatDate } from '../../../platform/i18n/format.ts';
import '../checkins.css';

/** Long enough for every insight window (the shared dip looks back 35 days). */
const INSIGHT_DAYS = 60;
const SHARED_NOTES_SHOWN = 10;
/** This device remembers whether the weekly average is shown (a preference, not a record). */
const TREND_DEVICE_KEY = 'checkins.weeklyTrend';

/** The weekly average toggle, remembered on this device. */
function useWeeklyTrend(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(false);
  useEffect(() => {
    let live = true;
    getDevice<boolean>(TREND_DEVICE_KEY).then(
      (saved) => live && saved === true && setOn(true),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return [
    on,
    (next) => {
      setOn(next);
      // A private browsing window may refuse to store it: the choice then lasts for this visit.
      putDevice(TREND_DEVICE_KEY, next).catch(() => undefined);
    },
  ];
}

/** What changed over the last two weeks, in words, with the averages behind them. */
function ChangeSummary({ text }: { text: ReturnType<typeof describeChange> }) {
  return (
    <section aria-labelledby="change-title" class="stack change-summary">
      <h2 id="change-title">{t('change.title')}</h2>
      <p>{text.sentence}</p>
      {text.numbers && (
        <p class="muted">
          {text.numbers} {t('change.basis')}
        </p>
      )}
    </section>
  );
}

function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The two lines: my emotional and physical closeness over 7, 30, 90 or 365 days, a partner's
 * beside mine when they share, gentle insights worked out here on the device, and my export.
 * Days are the viewer's calendar days (a partner in another zone is placed on my calendar).
 */
export default function Closeness() {
  const { query } = useLocation();
  // Just after a check-in, the screen leads with the chart and today's point (read once: a
  // reload or a later visit shows the usual screen).
  const [saved] = useState(() => {
    const value = justSaved.value;
    justSaved.value = null;
    return value;
  });
  const chartRef = useRef<HTMLDivElement>(null);
  const [trend, setTrend] = useWeeklyTrend();
  const tz = deviceTimeZone();
  const today = calendarDay(Date.now(), tz);
  const mine = myCheckins.value;
  const partners = partnerCheckins.value;
  const settings = checkinSettings.value;
  const [range, setRange] = useState<ChartRange>(30);
  // Today's card of a partner's check-in links here with `?with=` their id, to show them beside me.
  const [chosenPartner, setChosenPartner] = useState<string | null | undefined>(typeof query.with === 'string' ? query.with : undefined);
  const [showHealth, setShowHealth] = useState(settings.health);
  // Until the person picks (or when the one picked no longer shares), the first partner who shares is shown beside me.
  const partner = chosenPartner === null ? null : (partners.find((p) => p.userId === chosenPartner) ?? partners[0] ?? null);
  const myList = useMemo(() => mine.map((m) => m.checkin), [mine]);
  const hasHealth = settings.health || myList.some((c) => c.energy !== undefined || c.pain !== undefined || c.stress !== undefined);

  const people = useMemo<ChartPerson[]>(() => {
    const { from, to } = rangeFor(range, today);
    // The week before the range, for the weekly averages of its first days.
    const before = { tz, from: addDays(from, -(WEEKLY_DAYS - 1)), to: addDays(from, -1) };
    const list: ChartPerson[] = [{ id: 'me', name: t('closeness.you'), isMe: true, points: dailySeries(myList, { tz, from, to }), before: dailySeries(myList, before) }];
    if (partner) {
      list.push({ id: partner.userId, name: partner.name, isMe: false, points: dailySeries(partner.checkins, { tz, from, to }), before: dailySeries(partner.checkins, before) });
    }
    return list;
  }, [myList, partner, range, today, tz]);

  const change = useMemo(
    () => describeChange(compareFortnights(dailySeries(myList, { tz, from: addDays(today, -(COMPARED_DAYS - 1)), to: today }), today)),
    [myList, today, tz],
  );

  const insights = useMemo(() => {
    const window = { tz, from: addDays(today, -(INSIGHT_DAYS - 1)), to: today };
    return computeInsights({
      mine: dailySeries(myList, window),
      ...(partner && { partner: dailySeries(partner.checkins, window) }),
      today,
    }).filter(isShownInsight);
  }, [myList, partner, today, tz]);

  const sharedNotes = useMemo(
    () =>
      partners
        .flatMap((p) => p.checkins.filter((c): c is Checkin & { note: string } => c.note !== undefined).map((c) => ({ name: p.name, checkin: c })))
        .sort((a, b) => b.checkin.at - a.checkin.at)
        .slice(0, SHARED_NOTES_SHOWN),
    [partners],
  );

  const checkedInToday = myList.some((c) => calendarDay(c.at, tz) === today);
  const todays = saved && checkedInToday ? [...myList].reverse().find((c) => calendarDay(c.at, tz) === today) : undefined;

  // Just saved: make sure the chart is on screen (large text can push it down), above the bottom bar.
  useEffect(() => {
    if (todays) chartRef.current?.scrollIntoView({ block: 'nearest' });
  }, [todays !== undefined]);

  if (!checkinsReady.value) {
    return (
      <div class="screen closeness">
        <ScreenTitle>{t('closeness.title')}</ScreenTitle>
        <p class="muted" role="status">
          {t('closeness.loading')}
        </p>
      </div>
    );
  }

  const controls = (
    <div class="chart-controls">
      <fieldset class="segmented">
        <legend>{t('closeness.range')}</legend>
        <div class="segmented-options">
          {CHART_RANGES.map((days) => (
            <label key={days} class="segmented-option">
              <input type="radio" name="range" value={String(days)} checked={range === days} onChange={() => setRange(days)} />
              <span>{t(`closeness.range.${days}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {partners.length > 0 && (
        <div class="field">
          <label for="compare-with">{t('closeness.compare')}</label>
          <select id="compare-with" value={partner?.userId ?? ''} onChange={(e) => setChosenPartner(e.currentTarget.value === '' ? null : e.currentTarget.value)}>
            <option value="">{t('closeness.compareNobody')}</option>
            {partners.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="checkbox-row">
        <input id="show-trend" type="checkbox" checked={trend} onChange={(e) => setTrend(e.currentTarget.checked)} />
        <label for="show-trend">{t('closeness.showTrend')}</label>
      </div>
      {hasHealth && (
        <div class="checkbox-row">
          <input id="show-health" type="checkbox" checked={showHealth} onChange={(e) => setShowHealth(e.currentTarget.checked)} />
          <label for="show-health">{t('closeness.showHealth')}</label>
        </div>
      )}
    </div>
  );
  const chart = (
    <div ref={chartRef} class="closeness-chart-place">
      <ClosenessChart people={people} showHealth={showHealth && hasHealth} range={range} trend={trend} emphasize={todays ? today : undefined} />
    </div>
  );
  const checkInAgain = (
    <div class="actions">
      <a class={`button ${todays ? 'secondary' : 'primary'}`} href="/checkin">
        {t('closeness.checkIn')}
      </a>
    </div>
  );

  return (
    <div class="screen closeness">
      <ScreenTitle>{t('closeness.title')}</ScreenTitle>
      {todays ? (
        // Just saved: a calm word, then straight to the chart with today's point ringed; the rest follows.
        <>
          <p class="card saved-note">{t('closeness.justSaved')}</p>
          {chart}
          {controls}
          <ChangeSummary text={change} />
          {checkInAgain}
        </>
      ) : (
        <>
          <p class="lead">{t('closeness.lead')}</p>
          {checkedInToday && <p class="muted">{t('closeness.today')}</p>}
          {checkInAgain}
          {myList.length === 0 ? (
            <p class="card empty-lines">{t('closeness.empty')}</p>
          ) : (
            <>
              {controls}
              {chart}
              <ChangeSummary text={change} />
            </>
          )}
        </>
      )}
      {partners.length === 0 && <p class="muted">{t('closeness.noPartners')}</p>}

      {myList.length > 0 && (
        <section aria-labelledby="insights-title" class="stack">
          <h2 id="insights-title">{t('closeness.insightsTitle')}</h2>
          {insights.length === 0 ? (
            <p>{t('closeness.insightsNone')}</p>
          ) : (
            <ul class="insight-list" role="list">
              {insights.map((insight) => (
                <InsightCard key={insight.id} insight={insight} partner={partner?.name ?? null} />
              ))}
            </ul>
          )}
          <p class="muted">{t('closeness.insightsPrivate')}</p>
        </section>
      )}

      {sharedNotes.length > 0 && (
        <section aria-labelledby="shared-notes-title" class="stack">
          <h2 id="shared-notes-title">{t('closeness.sharedNotesTitle')}</h2>
          <ul class="plain-list shared-notes" role="list">
            {sharedNotes.map(({ name, checkin }) => (
              <li key={`${name}:${checkin.at}`} class="card">
                {t('closeness.partnerNote', { name, date: formatDate(checkin.at), note: checkin.note })}
              </li>
            ))}
          </ul>
        </section>
      )}

      {myList.length > 0 && (
        <section aria-labelledby="export-title" class="card stack">
          <h2 id="export-title">{t('closeness.exportTitle')}</h2>
          <p>{t('closeness.exportBody')}</p>
          <div class="actions">
            <button
              type="button"
              class="button secondary"
              onClick={() => {
                download(checkinsToCsv(myList, tz), `innermost-check-ins-${today}.csv`);
                announce(t('closeness.exported'));
              }}
            >
              {t('closeness.export')}
            </button>
          </div>
        </section>
      )}
      <p class="aside-link">
        <a href="/checkins/settings">{t('closeness.settingsLink')}</a>
      </p>
    </div>
  );
}
