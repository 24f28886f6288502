import { LIBRARY, getProgram } from '../../../../content/library.ts';
import { whenTrue } from '../../platform/signal-true.ts';
import { libraryReady, onboardingReason, partnerActivity, programProgress } from './store.ts';
import { t } from './messages.ts';
import { todaysStep } from './progress.ts';
import { partnerNews } from './partner-news.ts';

/** A partner started a program or finished a step and shares their progress with me: calm news, no tally. */
function PartnerNewsCard() {
  const news = partnerNews(partnerActivity.value, LIBRARY.programs, Date.now());
  if (news.length === 0) return null;
  return (
    <section aria-labelledby="partner-news-title" class="card stack">
      <h2 id="partner-news-title">{t('home.partnerNewsTitle')}</h2>
      <ul class="plain-list partner-news" role="list">
        {news.map((n) => (
          <li key={`${n.userId} ${n.program.id}`} class="gentle-line">
            <a href={`/programs/${n.program.id}`}>
              {n.what === 'started'
                ? t('home.partnerStarted', { name: n.name, program: n.program.title })
                : t('home.partnerFinished', { name: n.name, step: n.step, program: n.program.title })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Today shows this part once progress and partners' news are read (platform/feature.ts). */
export const ready = () => whenTrue(libraryReady);

/**
 * What Today offers from the library: what is new with partners in the programs they share, and
 * one next step (or where to begin). Never a list of things to do. (The question of the day is
 * the rounds feature's: one per space, the same for every member, docs/decisions/022.) Loaded
 * lazily by Today, so the library's text is not on the first screen's path.
 */
export default function TodayLibrary() {
  if (!libraryReady.value) return null;
  const reason = LIBRARY.onboarding.find((r) => r.id === onboardingReason.value);
  const next = todaysStep(LIBRARY.programs, programProgress.value);
  const suggested = reason && !programProgress.value.has(reason.start.program) ? getProgram(reason.start.program) : undefined;

  return (
    <>
      <PartnerNewsCard />
      {!reason && !next ? (
        <section aria-labelledby="start-title" class="card stack">
          <h2 id="start-title">{t('home.startTitle')}</h2>
          <p>{t('home.startBody')}</p>
          <div class="actions">
            <a class="button secondary" href="/start">
              {t('home.startLink')}
            </a>
          </div>
        </section>
      ) : (
        (next || suggested) && (
          <section aria-labelledby="next-title" class="card stack">
            <h2 id="next-title">{t('home.nextTitle')}</h2>
            {next ? (
              <p>
                <a href={`/programs/${next.program.id}/${next.step.id}`}>{t('home.nextStep', { program: next.program.title, step: next.step.title })}</a>
              </p>
            ) : (
              <p>
                <a href={`/programs/${suggested!.id}`}>{t('home.suggested', { program: suggested!.title })}</a>
              </p>
            )}
          </section>
        )
      )}
      <p class="aside-link">
        <a href="/explore">{t('home.explore')}</a>
      </p>
    </>
  );
}
