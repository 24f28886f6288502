import { TOUCH_PROGRAM } from '../../../../../content/comfort.ts';
import { formatDate } from '../../../platform/i18n/format.ts';
import { shareableSpaces } from '../../../spaces/my-spaces.ts';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { Loading } from '../../../ui/loading.tsx';
import { t } from '../plan-messages.ts';
import { pairIn, planHref, programHref, type Pair } from '../pair.ts';
import { pairPlace } from '../program/progress.ts';
import { pairKey, pairPrograms, touchProgramReady } from '../program/store.ts';
import { comfortReady, latestMatch } from '../store.ts';
import '../comfort-plan.css';

function PairCard({ pair }: { pair: Pair }) {
  const { spaceId, partner } = pair;
  const match = latestMatch(spaceId, partner.userId);
  const program = pairPrograms.value.get(pairKey(spaceId, partner.userId));
  const place = program ? pairPlace(TOUCH_PROGRAM, program.mine, program.theirs) : null;
  const titleId = `together-${spaceId}-${partner.userId}`;
  return (
    <li class="card stack">
      <h2 id={titleId}>{t('together.pairTitle', { name: partner.name, place: pair.placeName })}</h2>
      <p>{match ? t('together.matched', { date: formatDate(match.at) }) : t('together.noMatch', { name: partner.name })}</p>
      {place && (
        <p>
          {place.pausedBy
            ? t('together.paused', { n: place.index + 1 })
            : t('together.session', { n: place.index + 1, total: TOUCH_PROGRAM.sessions.length, title: place.session.title })}
        </p>
      )}
      <div class="actions">
        <a class="button primary" href={programHref(spaceId, partner.userId)}>
          {t('together.program', { name: partner.name })}
        </a>
        <a class="button secondary" href={planHref(spaceId, partner.userId)}>
          {t('together.plan', { name: partner.name })}
        </a>
      </div>
    </li>
  );
}

/**
 * Every pair I can plan with: each active partner in each shared place I am active in, with where
 * their match and touch program stand. The way in from the programs and the comfort map.
 */
export default function TogetherScreen() {
  const ready = [comfortReady.value, touchProgramReady.value].every(Boolean);
  if (!ready) return <Loading />;
  const pairs = shareableSpaces().flatMap((space) =>
    space.members.filter((m) => !m.isMe && m.status === 'active').flatMap((m) => pairIn(space, m.userId) ?? []),
  );
  return (
    <div class="screen">
      <ScreenTitle>{t('together.title')}</ScreenTitle>
      <p class="lead">{pairs.length ? t('together.lead') : t('together.none')}</p>
      {pairs.length > 0 ? (
        <ul class="plain-list stack" role="list">
          {pairs.map((pair) => (
            <PairCard key={pairKey(pair.spaceId, pair.partner.userId)} pair={pair} />
          ))}
        </ul>
      ) : (
        <div class="actions">
          <a class="button primary" href="/spaces/new">
            {t('together.newPlace')}
          </a>
        </div>
      )}
      <p class="aside-link">
        <a href="/comfort">{t('together.map')}</a>
      </p>
    </div>
  );
}
