import { useState } from 'preact/hooks';
import { IDEAS, getIdea } from '../../../../content/ideas.ts';
import type { EnergyLevel } from '../../../shared/ideas.ts';
import { FormError } from '../../ui/form-error.tsx';
import { useAction } from '../../ui/use-action.ts';
import { plansActions } from './actions.ts';
import { RhythmCalendarButton } from './calendar-button.tsx';
import { EVERY, type Every, type RhythmDoc, type RhythmKind } from './kinds.ts';
import { t } from './messages.ts';
import { suggestIdea } from './suggest.ts';
import { clockIn, comingSlots } from './time.ts';
import type { PlanView } from './views.ts';
import { planTitle, weekdayName, whenMine } from './when.ts';

export interface Preset {
  id: 'weekday-moment' | 'morning-talk' | 'evening-check-in' | 'weekly-date' | 'fortnightly-date' | 'monthly-adventure';
  kind: RhythmKind;
  every: Every;
  weekday: number;
  time: string;
  minutes: number;
}

export const PRESETS: readonly Preset[] = [
  { id: 'weekly-date', kind: 'weekly', every: 'week', weekday: 6, time: '19:00', minutes: 120 },
  { id: 'weekday-moment', kind: 'daily', every: 'weekday', weekday: 1, time: '19:00', minutes: 10 },
  { id: 'morning-talk', kind: 'morning', every: 'day', weekday: 1, time: '07:30', minutes: 10 },
  { id: 'evening-check-in', kind: 'evening', every: 'day', weekday: 1, time: '21:00', minutes: 15 },
  { id: 'fortnightly-date', kind: 'weekly', every: 'two-weeks', weekday: 6, time: '19:00', minutes: 120 },
  { id: 'monthly-adventure', kind: 'monthly', every: 'month', weekday: 6, time: '10:00', minutes: 240 },
];

/** "Every Saturday at 19:00 (your time)": the rhythm's wall-clock time read in this device's zone. */
export function rhythmLine(r: RhythmDoc, now: number): string {
  const myZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [next] = comingSlots(r, now, 1);
  // A weekday can shift for a member far away: read day and time from the next slot in my zone.
  const time = next ? clockIn(next.start, myZone) : r.time;
  const day = next ? weekdayName(((new Date(next.start).getDay() + 6) % 7) + 1) : weekdayName(r.weekday);
  return `${t(`rhythms.every.${r.every}`, { day, time })} ${t('rhythms.yourTime')}`;
}

/** One rhythm: when, its coming slots with a suggested idea each (or the plan made for it), one tap to plan. */
export function RhythmCard({ rhythm, spaceId, plans, energy, now }: { rhythm: RhythmDoc; spaceId: string; plans: readonly PlanView[]; energy: EnergyLevel | null; now: number }) {
  const { busy, error, run } = useAction();
  const [shift, setShift] = useState(0);
  const slots = comingSlots(rhythm, now, rhythm.every === 'day' || rhythm.every === 'weekday' ? 3 : 2);
  const planned = new Set(plans.map((p) => p.idea).filter((x): x is string => !!x));
  const title = t(`rhythms.kind.${rhythm.kind}`);
  const id = `rhythm-${rhythm.id}`;
  return (
    <li class="card stack rhythm-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p>{rhythmLine(rhythm, now)}</p>
      <h4>{t('rhythms.nextSlots')}</h4>
      <ul class="plain-list stack slot-list">
        {slots.map((slot) => {
          const plan = plans.find((p) => p.rhythm === rhythm.id && Math.abs(p.at - slot.start) < 60_000);
          if (plan) {
            return (
              <li key={slot.start} class="slot">
                <p>
                  <strong>{whenMine(slot.start)}</strong> · {t('rhythms.planned', { title: planTitle(plan) })}
                </p>
              </li>
            );
          }
          const idea = suggestIdea(IDEAS, { rhythm: rhythm.kind, energy, seed: `${rhythm.id} ${slot.start} ${shift}`, avoid: planned });
          if (!idea) return null;
          const when = whenMine(slot.start);
          return (
            <li key={slot.start} class="slot stack">
              <p>
                <strong>{when}</strong> · {t('rhythms.suggestion', { title: idea.title })}
              </p>
              <p class="muted small">{idea.text}</p>
              {energy && <p class="muted small">{t('rhythms.suggestionFits')}</p>}
              <button
                type="button"
                class="button primary"
                aria-disabled={busy ? 'true' : undefined}
                onClick={() =>
                  run(async () => {
                    await plansActions.propose(spaceId, { idea: idea.id, at: slot.start, minutes: rhythm.minutes, rhythm: rhythm.id, ...(getIdea(idea.id)?.bring ? { bring: getIdea(idea.id)!.bring! } : {}) });
                  }, t('plans.proposed'))
                }
              >
                {t('rhythms.planThis', { title: idea.title, when })}
              </button>
            </li>
          );
        })}
      </ul>
      <div class="plan-buttons">
        <button type="button" class="button quiet" onClick={() => setShift(shift + 1)}>
          {t('rhythms.otherIdea')}
        </button>
        <button type="button" class="button quiet" onClick={() => run(() => plansActions.endRhythm(spaceId, rhythm.id), t('rhythms.ended'))}>
          {t('rhythms.end')}
        </button>
      </div>
      <RhythmCalendarButton rhythm={rhythm} title={title} />
      <FormError error={error} />
    </li>
  );
}

/** Choosing a rhythm: a preset fills the form; day, time and how often can be changed before keeping it. */
export function AddRhythm({ spaceId }: { spaceId: string }) {
  const [preset, setPreset] = useState<Preset | null>(null);
  const [every, setEvery] = useState<Every>('week');
  const [weekday, setWeekday] = useState(6);
  const [time, setTime] = useState('19:00');
  const { busy, error, run } = useAction();
  function choose(p: Preset) {
    setPreset(p);
    setEvery(p.every);
    setWeekday(p.weekday);
    setTime(p.time);
  }
  return (
    <div class="stack add-rhythm">
      <h3 id="add-rhythm-title">{t('rhythms.add')}</h3>
      <div class="preset-buttons" role="group" aria-labelledby="add-rhythm-title">
        {PRESETS.map((p) => (
          <button key={p.id} type="button" class="button secondary" aria-pressed={preset?.id === p.id} onClick={() => choose(p)}>
            {t(`rhythms.preset.${p.id}`)}
          </button>
        ))}
      </div>
      {preset && (
        <form
          class="stack card"
          aria-label={t(`rhythms.preset.${preset.id}`)}
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await plansActions.keepRhythm(spaceId, { kind: preset.kind, every, weekday, time, minutes: preset.minutes });
              setPreset(null);
            }, t('rhythms.kept'));
          }}
        >
          <div class="field">
            <label for="rhythm-every">{t('rhythms.every')}</label>
            <select id="rhythm-every" value={every} onChange={(e) => setEvery(e.currentTarget.value as Every)}>
              {EVERY.map((x) => (
                <option key={x} value={x}>
                  {t(`rhythms.everyOption.${x}`)}
                </option>
              ))}
            </select>
          </div>
          {every !== 'day' && every !== 'weekday' && (
            <div class="field">
              <label for="rhythm-day">{t('rhythms.day')}</label>
              <select id="rhythm-day" value={String(weekday)} onChange={(e) => setWeekday(Number(e.currentTarget.value))}>
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <option key={d} value={String(d)}>
                    {weekdayName(d)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="field">
            <label for="rhythm-time">{t('plans.time')}</label>
            <input id="rhythm-time" type="time" required value={time} onInput={(e) => setTime(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button primary" aria-disabled={busy ? 'true' : undefined}>
            {busy ? t('rhythms.keeping') : t('rhythms.keep')}
          </button>
          <FormError error={error} />
        </form>
      )}
    </div>
  );
}
