import { useState } from 'preact/hooks';
import { COMFORT_CATALOG } from '../../../../../content/comfort.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { SubmitButton } from '../../../ui/submit-button.tsx';
import { useFormSubmit } from '../../../ui/use-form-submit.ts';
import { comfortActions } from '../actions.ts';
import type { ComfortAnswer } from '../kinds.ts';
import { t } from '../messages.ts';
import { comfortAnswers, comfortReady } from '../store.ts';
import '../comfort.css';

/**
 * My comfort map: every group in catalog order (least to most intimate), each item a native radio
 * group of yes / maybe / not now (the default). A group can be hidden whole. Saved privately.
 */
export default function ComfortMapScreen() {
  if (!comfortReady.value) {
    return (
      <div class="screen comfort-map">
        <ScreenTitle>{t('comfort.title')}</ScreenTitle>
        <p class="muted" role="status">
          {t('comfort.loading')}
        </p>
      </div>
    );
  }
  return <MapForm />;
}

type Choice = ComfortAnswer | 'not-now';

function MapForm() {
  const saved = comfortAnswers.value;
  const [answers, setAnswers] = useState<Record<string, ComfortAnswer>>(saved.answers);
  const [hidden, setHidden] = useState<string[]>(saved.hiddenGroups);
  const form = useFormSubmit({
    stays: true,
    action: async () => {
      await comfortActions.saveAnswers({ answers, hiddenGroups: hidden });
      announce(t('comfort.saved'));
    },
  });
  const choose = (itemId: string, choice: Choice) =>
    setAnswers((current) => {
      const next = { ...current };
      if (choice === 'not-now') delete next[itemId];
      else next[itemId] = choice;
      return next;
    });
  const toggleGroup = (groupId: string, hide: boolean) => setHidden((current) => (hide ? [...current, groupId] : current.filter((g) => g !== groupId)));

  return (
    <div class="screen comfort-map">
      <ScreenTitle>{t('comfort.title')}</ScreenTitle>
      <p class="lead">{t('comfort.lead')}</p>
      <p class="muted">{t('comfort.private')}</p>
      <form ref={form.formRef} class="stack" noValidate onSubmit={form.onSubmit}>
        {COMFORT_CATALOG.groups.map((group) => {
          const isHidden = hidden.includes(group.id);
          return (
            <section key={group.id} class="card stack comfort-group" aria-labelledby={`group-${group.id}`}>
              <h2 id={`group-${group.id}`}>{group.title}</h2>
              {group.intro && !isHidden && <p class="muted">{group.intro}</p>}
              <div class="checkbox-row">
                <input id={`hide-${group.id}`} type="checkbox" checked={isHidden} onChange={(e) => toggleGroup(group.id, e.currentTarget.checked)} />
                <label for={`hide-${group.id}`}>{t('comfort.hideGroup')}</label>
              </div>
              {isHidden ? (
                <p class="muted">{t('comfort.hiddenGroup')}</p>
              ) : (
                group.items.map((item) => {
                  const current: Choice = answers[item.id] ?? 'not-now';
                  return (
                    <fieldset key={item.id} class="comfort-item">
                      <legend>{item.label}</legend>
                      <p class="field-hint">{item.line}</p>
                      <div class="comfort-choices">
                        {(['yes', 'maybe', 'not-now'] as const).map((choice) => (
                          <label key={choice} class="comfort-choice">
                            <input type="radio" name={`item-${item.id}`} value={choice} checked={current === choice} onChange={() => choose(item.id, choice)} />
                            {t(choice === 'yes' ? 'comfort.yes' : choice === 'maybe' ? 'comfort.maybe' : 'comfort.notNow')}
                          </label>
                        ))}
                      </div>
                    </fieldset>
                  );
                })
              )}
            </section>
          );
        })}
        <FormError error={form.error} onRetry={form.retry} />
        <div class="actions comfort-save">
          <SubmitButton busy={form.busy} busyLabel={t('comfort.saving')}>
            {t('comfort.save')}
          </SubmitButton>
        </div>
      </form>
      <p class="aside-link">
        <a href="/">{t('comfort.back')}</a>
      </p>
    </div>
  );
}
