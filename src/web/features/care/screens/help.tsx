import { HELP } from '../../../../../content/help.ts';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { EmergencyLine } from './resources-list.tsx';
import { t, type MessageKey } from '../messages.ts';
import '../care.css';

const PLACES: { href: string; title: MessageKey; body: MessageKey }[] = [
  { href: '/help/professional', title: 'help.professional', body: 'help.professionalAbout' },
  { href: '/help/unsafe', title: 'help.unsafe', body: 'help.unsafeAbout' },
  { href: '/help/resources', title: 'help.resources', body: 'help.resourcesAbout' },
  { href: '/help/device', title: 'help.device', body: 'help.deviceAbout' },
];

/** The help centre: one step from every screen, bundled with the app, asking the server for nothing. */
export default function Help() {
  return (
    <div class="screen help">
      <ScreenTitle>{t('help.title')}</ScreenTitle>
      <p class="lead">{t('help.lead')}</p>
      <div class="notice help-danger">
        <p>
          <strong>{t('help.dangerTitle')}</strong> <EmergencyLine />
        </p>
      </div>
      <ul class="plain-list help-cards" role="list">
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
      <section class="help-section" aria-labelledby="help-sheets">
        <h2 id="help-sheets">{t('help.sheetsTitle')}</h2>
        <p class="muted">{t('help.sheetsLead')}</p>
        <ul class="plain-list help-cards" role="list">
          {HELP.sheets.map((sheet) => (
            <li key={sheet.id} class="card linked">
              <h3>
                <a class="card-link" href={`/help/sheets/${sheet.id}`}>
                  {sheet.title}
                </a>
              </h3>
              <p class="muted">{sheet.summary}</p>
            </li>
          ))}
        </ul>
      </section>
      <p class="muted help-shortcuts">{t('help.shortcuts')}</p>
      <p class="muted">{t('help.notTherapy')}</p>
    </div>
  );
}
