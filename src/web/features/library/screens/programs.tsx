import { useState } from 'preact/hooks';
import { LIBRARY } from '../../../../../content/library.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { announce } from '../../../ui/live-region.tsx';
import { TakeBackChoice } from '../../../ui/take-back-choice.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { shareableSpaces } from '../../../spaces/my-spaces.ts';
import { PartnerProgressLines, myProgressText } from '../progress-line.tsx';
import { SpaceChoices } from '../../../spaces/components/space-choices.tsx';
import { spaceTitle } from '../../../spaces/names.ts';
import { libraryActions } from '../actions.ts';
import { kept, keepKey, libraryReady, progressSharing } from '../store.ts';
import { spaces } from '../../../spaces/store.ts';
import { t } from '../messages.ts';
import '../programs.css';

/** Every program with where I am in it, the intentions I keep, and who sees my progress. */
export default function Programs() {
  const intentions = LIBRARY.programs.flatMap((program) =>
    program.steps
      .filter((step) => step.tryThis && kept.value.has(keepKey('intention', `${program.id}/${step.id}`)))
      .map((step) => ({ program, step })),
  );
  return (
    <div class="screen programs">
      <ScreenTitle>{t('programs.title')}</ScreenTitle>
      <p class="lead">{t('programs.lead')}</p>
      <ul class="plain-list link-cards" role="list">
        {LIBRARY.programs.map((program) => (
          <li key={program.id} class="card linked">
            <h2>
              <a class="card-link" href={`/programs/${program.id}`}>
                {program.title}
              </a>
            </h2>
            <p>{program.summary}</p>
            <p class="muted">
              {t('programs.steps', { count: program.steps.length })} · {libraryReady.value ? myProgressText(program) : ''}
            </p>
            <PartnerProgressLines program={program} />
          </li>
        ))}
      </ul>

      {intentions.length > 0 && (
        <section aria-labelledby="intentions-title" class="stack">
          <h2 id="intentions-title">{t('programs.intentionsTitle')}</h2>
          <ul class="plain-list stack" role="list">
            {intentions.map(({ program, step }) => (
              <li key={`${program.id}/${step.id}`} class="card">
                <p>{step.tryThis}</p>
                <p class="muted">
                  <a href={`/programs/${program.id}/${step.id}`}>{t('programs.intentionFrom', { step: step.title })}</a>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {libraryReady.value && <ProgressSharing key={progressSharing.value.join(',')} />}
    </div>
  );
}

function ProgressSharing() {
  const list = shareableSpaces(spaces.value);
  const [shareWith, setShareWith] = useState<string[]>(progressSharing.value);
  const [removeShared, setRemoveShared] = useState(false);
  // Spaces that see my progress until now and are about to stop.
  const stopping = progressSharing.value.filter((id) => !shareWith.includes(id) && list.some((s) => s.id === id));
  const form = useFormSubmit({
    stays: true,
    action: async () => {
      await libraryActions.saveProgressSharing(shareWith, { removeSharedFrom: removeShared ? stopping : [] });
      announce(t('programs.sharingSaved'));
    },
  });
  return (
    <section aria-labelledby="progress-sharing-title" class="card stack">
      <h2 id="progress-sharing-title">{t('programs.sharingTitle')}</h2>
      {list.length === 0 ? (
        <p class="muted">{t('programs.sharingNone')}</p>
      ) : (
        <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
          <p>{t('programs.sharingLead')}</p>
          {progressSharing.value.length === 0 && <p class="muted">{t('programs.sharingDefault')}</p>}
          <fieldset class="stack plain-fieldset">
            <legend class="visually-hidden">{t('programs.sharingTitle')}</legend>
            <SpaceChoices
              spaces={list}
              chosen={shareWith}
              onChange={setShareWith}
              idPrefix="progress"
              label={(space) => t('programs.shareIn', { space: spaceTitle(space) })}
            />
          </fieldset>
          <p class="field-hint">{t('programs.sharingStop')}</p>
          {stopping.length > 0 && (
            <TakeBackChoice
              id="progress-remove-shared"
              checked={removeShared}
              onChange={setRemoveShared}
              label={t('programs.removeShared')}
              hint={t('programs.removeSharedHint')}
            />
          )}
          <FormError error={form.error} onRetry={form.retry} />
          <div class="actions">
            <SubmitButton busy={form.busy} busyLabel={t('programs.sharingSaving')} variant="secondary">
              {t('programs.sharingSave')}
            </SubmitButton>
          </div>
        </form>
      )}
    </section>
  );
}
