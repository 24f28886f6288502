import { roundsBySpace } from './store.ts';
import type { RoundView } from './types.ts';
import { useSpace } from '../../spaces/use-space.ts';
import { t } from './messages.ts';
import { formatDate } from '../../platform/i18n/format.ts';
import { exerciseTitle, roundPath, withLine } from './names.ts';

function statusLine(round: RoundView): string {
  switch (round.status) {
    case 'open':
      return round.iHaveSealed ? t('exercises.status.sealed') : t('exercises.status.answer');
    case 'revealed':
      return t('exercises.status.revealed', { date: formatDate(round.revealedAt ?? round.startedAt) });
    case 'withdrawn':
      return t('exercises.status.withdrawn');
    case 'cancelled':
      return t('exercises.status.cancelled');
  }
}

/** The space's exercises I take part in (open, revealed, closed), and a way to start one. */
export default function RoundsRegion({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  if (!space || space === 'loading') return null;
  const rounds = roundsBySpace.value.get(space.id) ?? [];
  const hasPartner = space.members.some((m) => !m.isMe && m.status === 'active');
  return (
    <section aria-labelledby="exercises-title" class="stack">
      <h2 id="exercises-title">{t('exercises.title')}</h2>
      <p>{t('exercises.intro')}</p>
      {rounds.length > 0 ? (
        <ul class="space-list" role="list">
          {rounds.map((round) => (
            <li key={round.id} class={`card space-card linked round-card round-${round.status}`}>
              <div>
                <h3>
                  <a class="card-link" href={roundPath(space.id, round.id)}>
                    {exerciseTitle(round)}
                  </a>
                </h3>
                <p>{statusLine(round)}</p>
                <p class="muted small">
                  {[withLine(round), t('exercises.startedOn', { date: formatDate(round.startedAt) })].filter(Boolean).join(' · ')}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('exercises.none')}</p>
      )}
      {hasPartner ? (
        <div class="actions">
          <a class="button primary" href={`/spaces/${space.id}/exercises/new`}>
            {t('exercises.start')}
          </a>
        </div>
      ) : (
        <p class="muted">
          {t('exercises.needPartner')} <a href="/just-me">{t('exercises.justMeLink')}</a>
        </p>
      )}
    </section>
  );
}
