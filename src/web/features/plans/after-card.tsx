import { useState } from 'preact/hooks';
import { FormError } from '../../ui/form-error.tsx';
import { useAction } from '../../ui/use-action.ts';
import { plansActions } from './actions.ts';
import { FEELINGS, type Feeling } from './kinds.ts';
import { t } from './messages.ts';
import type { PlanView } from './views.ts';
import { planTitle, whenMine } from './when.ts';

/** After a plan: a feeling, a few words, or skip; kept on my devices, and as a moment if I choose. */
export function AfterCard({ plan, spaceId, shared }: { plan: PlanView; spaceId: string; shared: boolean }) {
  const [feeling, setFeeling] = useState<Feeling | null>(null);
  const [words, setWords] = useState('');
  const [keep, setKeep] = useState(true);
  const { busy, error, run } = useAction();
  const id = `after-${plan.id}`;
  const save = (skipped: boolean) =>
    run(
      () => plansActions.howWasIt(spaceId, plan.id, { ...(feeling && !skipped ? { feeling } : {}), ...(!skipped && words.trim() ? { words } : {}), skipped, keep: keep && !skipped }),
      skipped ? t('after.skipped') : keep && words.trim() ? t('after.savedMoment') : t('after.saved'),
    );
  return (
    <section class="card stack after-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('after.title')}</h2>
      <p>{t('after.lead', { title: planTitle(plan), when: whenMine(plan.at) })}</p>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save(false);
        }}
      >
        <fieldset class="feelings">
          <legend>{t('after.feeling')}</legend>
          {FEELINGS.map((f) => (
            <label key={f} class="feeling">
              <input type="radio" name={`${id}-feeling`} value={f} checked={feeling === f} onChange={() => setFeeling(f)} />
              {t(`feeling.${f}`)}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for={`${id}-words`}>{t('after.words')}</label>
          <textarea id={`${id}-words`} rows={2} maxLength={500} value={words} onInput={(e) => setWords(e.currentTarget.value)} />
        </div>
        {shared && (
          <label class="check">
            <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.currentTarget.checked)} />
            {t('after.keep')}
          </label>
        )}
        <div class="actions-inline">
          <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
            {t('after.save')}
          </button>
          <button type="button" class="button quiet" onClick={() => save(true)}>
            {t('after.skip')}
          </button>
        </div>
        <FormError error={error} />
      </form>
    </section>
  );
}
