import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { FormError } from '../../ui/form-error.tsx';
import { useAction } from '../../ui/use-action.ts';
import { PlanCalendarButton } from './calendar-button.tsx';
import { t } from './messages.ts';
import { plansActions } from './actions.ts';
import type { PlanView } from './views.ts';
import { fromLocalFields, localFields, planTitle, whenIn, whenMine } from './when.ts';

function TimeFields({ day, time, onDay, onTime, idPrefix }: { day: string; time: string; onDay: (v: string) => void; onTime: (v: string) => void; idPrefix: string }) {
  return (
    <div class="plan-time-fields">
      <div class="field">
        <label for={`${idPrefix}-day`}>{t('plans.date')}</label>
        <input id={`${idPrefix}-day`} type="date" value={day} required onInput={(e) => onDay(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${idPrefix}-time`}>{t('plans.time')}</label>
        <input id={`${idPrefix}-time`} type="time" value={time} required onInput={(e) => onTime(e.currentTarget.value)} />
      </div>
    </div>
  );
}

/** A small form for a new time: another time (an answer) or a change of the plan (anyone in it). */
function TimeForm({ plan, spaceId, mode, onDone }: { plan: PlanView; spaceId: string; mode: 'other' | 'change'; onDone: () => void }) {
  const start = localFields(plan.at);
  const [day, setDay] = useState(start.day);
  const [time, setTime] = useState(start.time);
  const [bring, setBring] = useState(plan.bring ?? '');
  const [invalid, setInvalid] = useState(false);
  const { busy, error, run } = useAction();
  const idPrefix = `${mode}-${plan.id}`;
  function submit(e: Event) {
    e.preventDefault();
    const at = fromLocalFields(day, time);
    if (!Number.isFinite(at) || at <= Date.now()) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void run(async () => {
      if (mode === 'other') await plansActions.answer(spaceId, plan.id, 'other-time', at);
      else await plansActions.changePlan(spaceId, plan.id, { at, bring });
      onDone();
    }, mode === 'other' ? t('plans.answered') : t('plans.saved'));
  }
  return (
    <form class="stack plan-time-form" onSubmit={submit} aria-labelledby={`${idPrefix}-title`}>
      <h4 id={`${idPrefix}-title`}>{mode === 'other' ? t('plans.otherTitle') : t('plans.change')}</h4>
      <TimeFields day={day} time={time} onDay={setDay} onTime={setTime} idPrefix={idPrefix} />
      {mode === 'change' && (
        <div class="field">
          <label for={`${idPrefix}-bring`}>{t('plans.bringField')}</label>
          <input id={`${idPrefix}-bring`} type="text" maxLength={200} value={bring} onInput={(e) => setBring(e.currentTarget.value)} />
        </div>
      )}
      {invalid && (
        <p class="field-error" role="alert">
          {t('plans.pastTime')}
        </p>
      )}
      <div class="actions-inline">
        <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
          {mode === 'other' ? t('plans.suggest') : t('plans.saveChange')}
        </button>
        <button type="button" class="button quiet" onClick={onDone}>
          {t('plans.closeForm')}
        </button>
      </div>
      <FormError error={error} />
    </form>
  );
}

/** A coming plan: when (my time, and each member's own where it differs), what to bring, answers, and what I can do. */
export function PlanCard({ plan, spaceId, shared }: { plan: PlanView; spaceId: string; shared: boolean }) {
  const [form, setForm] = useState<'other' | 'change' | null>(null);
  const [confirm, setConfirm] = useState(false);
  const { busy, error, run } = useAction();
  const title = planTitle(plan);
  const titleId = `plan-${plan.id}`;
  const by = plan.answers.find((a) => a.userId === plan.by);
  const changedBy = plan.n > 1 ? plan.answers.find((a) => a.userId === plan.changedBy) : undefined;
  const myZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const otherZones = plan.answers.filter((a) => !a.isMe && a.tz && a.tz !== myZone);
  const answer = (what: 'yes' | 'pass') => run(() => plansActions.answer(spaceId, plan.id, what), t('plans.answered'));
  return (
    <li class="card stack plan-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <p class="plan-when">{t('plans.when', { when: whenMine(plan.at) })}</p>
      {otherZones.map((a) => (
        <p key={a.userId} class="muted small">
          {t('plans.theirTime', { name: a.name, time: whenIn(plan.at, a.tz!) })}
        </p>
      ))}
      <p class="muted small">{t('plans.minutes', { count: plan.minutes })}</p>
      {plan.bring && <p>{t('plans.bring', { bring: plan.bring })}</p>}
      {shared && (
        <>
          <p class="muted small">
            {by && t('plans.by', { name: by.isMe ? t('plans.you') : by.name })}
            {changedBy && ` · ${t('plans.changedBy', { name: changedBy.isMe ? t('plans.you') : changedBy.name })}`}
          </p>
          <ul class="plain-list plan-answers" aria-label={t('plans.answers')}>
            {plan.answers.map((a) => (
              <li key={a.userId}>
                {a.answer === null
                  ? t('plans.answer.waiting', { name: a.isMe ? t('plans.you') : a.name })
                  : t(`plans.answer.${a.answer}`, { name: a.isMe ? t('plans.you') : a.name, time: a.other ? whenMine(a.other) : '' })}
                {a.answer === 'other-time' && a.other && !a.isMe && (
                  <button type="button" class="button small secondary plan-take" onClick={() => run(() => plansActions.changePlan(spaceId, plan.id, { at: a.other! }), t('plans.saved'))}>
                    {t('plans.takeTime', { time: whenMine(a.other) })}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {plan.mine !== 'yes' && (
            <div class="plan-buttons">
              <button type="button" class="button primary" onClick={() => answer('yes')}>
                {t('plans.yes')}
              </button>
              <button type="button" class="button secondary" aria-expanded={form === 'other'} onClick={() => setForm(form === 'other' ? null : 'other')}>
                {t('plans.otherTime')}
              </button>
              {plan.mine !== 'pass' && (
                <button type="button" class="button quiet" aria-describedby={`pass-${plan.id}`} onClick={() => answer('pass')}>
                  {t('plans.pass')}
                </button>
              )}
            </div>
          )}
          {plan.mine !== 'yes' && plan.mine !== 'pass' && (
            <p id={`pass-${plan.id}`} class="muted small">
              {t('plans.passHint')}
            </p>
          )}
        </>
      )}
      {form && <TimeForm plan={plan} spaceId={spaceId} mode={form} onDone={() => setForm(null)} />}
      {plan.mine !== 'pass' && <PlanCalendarButton plan={plan} />}
      {plan.mine !== 'pass' && (
        <div class="plan-buttons">
          <button type="button" class="button quiet" aria-expanded={form === 'change'} onClick={() => setForm(form === 'change' ? null : 'change')}>
            {t('plans.change')}
          </button>
          <button type="button" class="button quiet" onClick={() => setConfirm(true)}>
            {t('plans.cancel')}
          </button>
        </div>
      )}
      <FormError error={error} />
      {busy && <span class="visually-hidden">{t('plans.saving')}</span>}
      <ConfirmDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={t('plans.cancel')}
        confirmLabel={t('plans.cancel')}
        busyLabel={t('plans.saving')}
        cancelLabel={t('plans.keepPlan')}
        variant="danger"
        onConfirm={async () => {
          await plansActions.cancelPlan(spaceId, plan.id);
          setConfirm(false);
        }}
      >
        <p>{t('plans.cancelConfirm')}</p>
      </ConfirmDialog>
    </li>
  );
}
