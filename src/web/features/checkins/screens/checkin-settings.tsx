import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { FormError } from '../../../ui/form-error.tsx';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { TakeBackChoice } from '../../../ui/take-back-choice.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { checkinActions } from '../actions.ts';
import { shareableSpaces } from '../../../spaces/my-spaces.ts';
import { SpaceChoices } from '../../../spaces/components/space-choices.tsx';
import { spaceTitle } from '../../../spaces/names.ts';
import { checkinSettings, checkinsReady } from '../store.ts';
import { spaces } from '../../../spaces/store.ts';
import { t } from '../messages.ts';
import '../checkins.css';

/**
 * Who sees my check-ins, per shared space (scores only; notes are shared one at a time when
 * written), and whether the health scales are part of my check-ins. The default is stated.
 */
export default function CheckinSettingsScreen() {
  if (!checkinsReady.value) {
    return (
      <div class="screen checkin-settings">
        <ScreenTitle>{t('checkinSettings.title')}</ScreenTitle>
        <p class="muted" role="status">
          {t('closeness.loading')}
        </p>
      </div>
    );
  }
  return <SettingsForm />;
}

/** Starts from the saved choices, so it mounts only once they are known. */
function SettingsForm() {
  const { route } = useLocation();
  const saved = checkinSettings.value;
  const list = shareableSpaces(spaces.value);
  const [shareWith, setShareWith] = useState<string[]>(saved.shareWith);
  const [health, setHealth] = useState(saved.health);
  const [removeShared, setRemoveShared] = useState(false);
  // Spaces I shared with until now and am about to stop sharing with.
  const stopping = saved.shareWith.filter((id) => !shareWith.includes(id) && list.some((s) => s.id === id));
  const form = useFormSubmit({
    action: async () => {
      await checkinActions.saveCheckinSettings({ health, shareWith, removeSharedFrom: removeShared ? stopping : [] });
      announce(t('checkinSettings.saved'));
      route('/closeness');
    },
  });

  return (
    <div class="screen checkin-settings">
      <ScreenTitle>{t('checkinSettings.title')}</ScreenTitle>
      <p class="lead">{t('checkinSettings.lead')}</p>
      {!saved.chosen && <p class="notice notice-info">{t('checkinSettings.default')}</p>}
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        <fieldset class="card stack">
          <legend>{t('checkinSettings.shareLegend')}</legend>
          {list.length === 0 && <p class="muted">{t('checkinSettings.noSpaces')}</p>}
          <SpaceChoices
            spaces={list}
            chosen={shareWith}
            onChange={setShareWith}
            idPrefix="share"
            label={(space) => t('checkinSettings.shareIn', { space: spaceTitle(space) })}
          />
          {list.length > 0 && <p class="field-hint">{t('checkinSettings.stopNote')}</p>}
          {stopping.length > 0 && (
            <TakeBackChoice
              id="remove-shared"
              checked={removeShared}
              onChange={setRemoveShared}
              label={t('checkinSettings.removeShared')}
              hint={t('checkinSettings.removeSharedHint')}
            />
          )}
        </fieldset>
        <fieldset class="card stack">
          <legend>{t('checkinSettings.healthLegend')}</legend>
          <div class="checkbox-row">
            <input id="health-scales" type="checkbox" checked={health} aria-describedby="health-hint" onChange={(e) => setHealth(e.currentTarget.checked)} />
            <label for="health-scales">{t('checkinSettings.health')}</label>
          </div>
          <p id="health-hint" class="field-hint">
            {t('checkinSettings.healthHint')}
          </p>
        </fieldset>
        <FormError error={form.error} onRetry={form.retry} />
        <div class="actions">
          <SubmitButton busy={form.busy} busyLabel={t('checkinSettings.saving')}>
            {t('checkinSettings.save')}
          </SubmitButton>
        </div>
      </form>
      <p class="aside-link">
        <a href="/closeness">{t('checkinSettings.back')}</a>
      </p>
    </div>
  );
}
