import type { HelpPage as Page } from '../../../../shared/help.ts';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { BackToHelp } from './help-links.tsx';
import { ResourcesList } from './resources-list.tsx';
import '../care.css';

/** A help page from content/help: its sections, with the helplines after `resourcesAfter`. */
export function HelpPageView({ page, resourcesAfter }: { page: Page; resourcesAfter?: string }) {
  return (
    <div class="screen help">
      <BackToHelp />
      <ScreenTitle>{page.title}</ScreenTitle>
      <p class="lead">{page.summary}</p>
      {page.sections.map((section) => (
        <section key={section.id} class="help-section" aria-labelledby={`help-${section.id}`}>
          <h2 id={`help-${section.id}`}>{section.title}</h2>
          {section.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {section.points && (
            <ul class="help-points">
              {section.points.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
          {section.id === resourcesAfter ? (
            <ResourcesList headingLevel={3} />
          ) : (
            section.link && (
              <p>
                <a href={section.link.href}>{section.link.label}</a>
              </p>
            )
          )}
        </section>
      ))}
    </div>
  );
}
