import { ScreenTitle } from '../components/screen-title.tsx';
import { SyncStatus } from '../components/sync-status.tsx';
import { myStatus, othersLine, spaceTitle } from '../features/spaces/space-names.ts';
import { calendarDay, deviceTimeZone } from '../checkins/days.ts';
import { myCheckins } from '../state/checkins-store.ts';
import { roundsBySpace } from '../state/rounds-store.ts';
import { spaces } from '../state/store.ts';
import { t } from '../i18n/t.ts';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * The library's part of Today (next step, question of the day). Its text loads after Today has
 * shown, never on the first screen's path, and Today never waits for it (offline before it was
 * ever fetched, Today simply shows without it).
 */
function TodayLibrary() {
  const [Part, setPart] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    import('../features/library/today-library.tsx')
      .then((m) => live && setPart(() => m.default))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return Part ? <Part /> : null;
}

/** "Today": a warm hello, the check-in, one next step and one question, the spaces. No to-do list, no guilt. */
export default function Home() {
  const list = spaces.value;
  const shared = list.filter((s) => s.kind === 'shared');
  // Exercises open for my answers: one calm line each, never a badge or a count.
  const rounds = roundsBySpace.value;
  const waitingRounds = shared.flatMap((space) =>
    (rounds.get(space.id) ?? [])
      .filter((r) => r.status === 'open' && r.iAmParticipant && !r.iHaveSealed)
      .map((r) => ({ space, round: r })),
  );
  return (
    <div class="screen home">
      <ScreenTitle>{t('home.title')}</ScreenTitle>
      <p class="lead">{t('home.welcome')}</p>
      <SyncStatus />
      {waitingRounds.map(({ space, round }) => (
        <p key={round.id} class="gentle-line">
          <a href={`/spaces/${space.id}/rounds/${round.id}`}>{t('home.roundWaiting', { space: spaceTitle(space) })}</a>
        </p>
      ))}

      <CheckinCard />

      <section aria-labelledby="spaces-title" class="stack">
        <h2 id="spaces-title">{t('home.spacesTitle')}</h2>
        <ul class="space-list" role="list">
          <li class="card space-card personal linked">
            <span class="space-mark personal" aria-hidden="true" />
            <div>
              <h3>
                <a class="card-link" href="/just-me">
                  {t('home.personalTitle')}
                </a>
              </h3>
              <p class="muted">{t('home.personalBody')}</p>
            </div>
          </li>
          {shared.map((space) => {
            const waiting = myStatus(space) === 'pending';
            return (
              <li key={space.id} class="card space-card linked">
                <span class="space-mark shared" aria-hidden="true" />
                <div>
                  <h3>
                    <a class="card-link" href={`/spaces/${space.id}`}>
                      {spaceTitle(space)}
                    </a>
                  </h3>
                  <p class="muted">
                    {waiting ? t('home.sharedWaiting') : (othersLine(space) ?? t('home.sharedOnlyYou'))}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
        {shared.length === 0 && <p class="muted">{t('home.noShared')}</p>}
        <div class="actions">
          <a class="button primary" href="/spaces/new">
            {t('home.createSpace')}
          </a>
        </div>
      </section>

      {/* Last on the page: it arrives a moment later, and nothing below it can be pushed down. */}
      <TodayLibrary />
    </div>
  );
}

/** The daily check-in, offered, never insisted on: no streak, no count, no reminder of a missed day. */
function CheckinCard() {
  const tz = deviceTimeZone();
  const today = calendarDay(Date.now(), tz);
  const done = myCheckins.value.some((c) => calendarDay(c.checkin.at, tz) === today);
  return (
    <section aria-labelledby="checkin-title" class="card stack checkin-card">
      <h2 id="checkin-title">{t('home.checkinTitle')}</h2>
      <p>{done ? t('home.checkinDone') : t('home.checkinBody')}</p>
      <div class="actions actions-row">
        <a class="button primary" href="/checkin">
          {t('closeness.checkIn')}
        </a>
        <a class="button secondary" href="/closeness">
          {t('checkin.seeLines')}
        </a>
      </div>
    </section>
  );
}
