import { useId } from 'preact/hooks';
import { DEFAULT_DIRECTORY, chooseRegion, type Region, type Resource } from '../../../../shared/help-resources.ts';
import { careSettings, pickRegion, pickedRegion } from '../settings.ts';
import { t } from '../messages.ts';

function currentRegion(): Region | null {
  const regions = careSettings.value?.resources?.regions ?? [];
  return chooseRegion(regions, pickedRegion.value, typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** "Call your local emergency number", with the region's number when one is known. */
export function EmergencyLine() {
  const region = currentRegion();
  return <span>{region ? t('help.dangerRegion', { region: region.name, number: region.emergency }) : t('help.dangerBody')}</span>;
}

const tel = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

function ResourceCard({ resource, level }: { resource: Resource; level: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <li class="card">
      <H>{resource.name}</H>
      {resource.about && <p>{resource.about}</p>}
      {resource.text && <p>{t('resources.textLabel', { text: resource.text })}</p>}
      {resource.hours && <p class="muted">{t('resources.hours', { hours: resource.hours })}</p>}
      {resource.languages && <p class="muted">{t('resources.languages', { languages: resource.languages.join(', ') })}</p>}
      <div class="resource-ways">
        {resource.phone && (
          <a class="button secondary small" href={tel(resource.phone)}>
            {t('resources.call', { number: resource.phone })}
          </a>
        )}
        {resource.web && (
          <a class="button quiet small" href={resource.web} rel="noopener noreferrer" target="_blank">
            {t('resources.website', { name: resource.name })}
          </a>
        )}
      </div>
    </li>
  );
}

/**
 * The operator's helplines for the region picked on this device, with the emergency number and
 * the international directory; without a list, the emergency guidance and the directory alone.
 * Reads only what this device kept: showing it sends nothing anywhere.
 */
export function ResourcesList({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const selectId = useId();
  const settings = careSettings.value;
  const regions = settings?.resources?.regions ?? [];
  const region = currentRegion();
  const directory = settings?.resources?.directory ?? DEFAULT_DIRECTORY;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="stack">
      {regions.length > 0 ? (
        <div class="field">
          <label for={selectId}>{t('resources.regionLabel')}</label>
          <p id={`${selectId}-hint`} class="field-hint">
            {t('resources.regionHint')}
          </p>
          <select
            id={selectId}
            class="region-select"
            aria-describedby={`${selectId}-hint`}
            value={region?.id ?? ''}
            onChange={(e) => pickRegion(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          >
            {!region && <option value="">{t('resources.regionNone')}</option>}
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div class="card">
          <H>{t('resources.defaultTitle')}</H>
          <p>{t('resources.defaultBody')}</p>
          {settings === null && <p class="muted">{t('resources.notFetched')}</p>}
        </div>
      )}
      {region && (
        <>
          <p class="notice">
            <strong>{t('resources.emergency', { region: region.name, number: region.emergency })}</strong>{' '}
            <a href={tel(region.emergency)}>{t('resources.call', { number: region.emergency })}</a>
          </p>
          {region.resources.length > 0 ? (
            <ul class="plain-list stack resource-list" role="list">
              {region.resources.map((r) => (
                <ResourceCard key={r.name} resource={r} level={headingLevel} />
              ))}
            </ul>
          ) : (
            <p>{t('resources.noneInRegion')}</p>
          )}
        </>
      )}
      <div class="card">
        <H>{t('resources.directoryTitle')}</H>
        <p>{t('resources.directoryBody', { name: directory.name })}</p>
        <p>
          <a href={directory.web} rel="noopener noreferrer" target="_blank">
            {t('resources.directoryLink', { name: directory.name })}
          </a>
        </p>
      </div>
    </div>
  );
}
