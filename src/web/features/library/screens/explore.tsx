import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { t, type MessageKey } from '../messages.ts';
import '../programs.css';

const PLACES: { href: string; title: MessageKey; body: MessageKey }[] = [
  { href: '/programs', title: 'explore.programs', body: 'explore.programsBody' },
  { href: '/decks', title: 'explore.decks', body: 'explore.decksBody' },
  { href: '/assessment', title: 'explore.assessment', body: 'explore.assessmentBody' },
  { href: '/obstacles', title: 'explore.obstacles', body: 'explore.obstaclesBody' },
  { href: '/just-me', title: 'explore.justMe', body: 'explore.justMeBody' },
  { href: '/start', title: 'explore.start', body: 'explore.startBody' },
];

/** Everything there is to do, in one calm list. */
export default function Explore() {
  return (
    <div class="screen explore">
      <ScreenTitle>{t('explore.title')}</ScreenTitle>
      <p class="lead">{t('explore.lead')}</p>
      <ul class="plain-list link-cards" role="list">
        {PLACES.map((place) => (
          <li key={place.href} class="card linked">
            <h2>
              <a class="card-link" href={place.href}>
                {t(place.title)}
              </a>
            </h2>
            <p class="muted">{t(place.body)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
