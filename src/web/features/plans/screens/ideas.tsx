import { useState } from 'preact/hooks';
import { IDEAS } from '../../../../../content/ideas.ts';
import { ENERGY_LEVELS, IDEA_COSTS, IDEA_DIMENSIONS, IDEA_PLACES, IDEA_RHYTHMS, type EnergyLevel, type Idea, type IdeaPlace, type IdeaRhythm } from '../../../../shared/ideas.ts';
import { useSpace } from '../../../spaces/use-space.ts';
import { FormError } from '../../../ui/form-error.tsx';
import { Loading } from '../../../ui/loading.tsx';
import NotFound from '../../../ui/not-found.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { useAction } from '../../../ui/use-action.ts';
import { plansActions } from '../actions.ts';
import { t, type PlansKey } from '../messages.ts';
import { favouriteIdeas, plansBySpace } from '../store.ts';
import { NO_SPACE_PLANS } from '../views.ts';
import '../plans.css';

type Filters = { rhythm: string; energy: string; place: string; cost: string; dimension: string; favourites: boolean };
const NONE: Filters = { rhythm: '', energy: '', place: '', cost: '', dimension: '', favourites: false };

/** The ideas that pass every filter chosen (an empty filter lets all through). */
export function filterIdeas(ideas: readonly Idea[], f: Filters, favourites: ReadonlySet<string>): Idea[] {
  return ideas.filter(
    (i) =>
      (!f.rhythm || i.rhythms.includes(f.rhythm as IdeaRhythm)) &&
      (!f.energy || i.energy.includes(f.energy as EnergyLevel)) &&
      (!f.place || i.places.includes(f.place as IdeaPlace)) &&
      (!f.cost || i.cost === f.cost) &&
      (!f.dimension || i.dimensions.includes(f.dimension as (typeof IDEA_DIMENSIONS)[number])) &&
      (!f.favourites || favourites.has(i.id)),
  );
}

function Select({ id, label, value, options, prefix, onValue }: { id: string; label: string; value: string; options: readonly string[]; prefix: string; onValue: (v: string) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        <option value="">{t('ideas.any')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${prefix}.${o}` as PlansKey)}
          </option>
        ))}
      </select>
    </div>
  );
}

function IdeaCard({ idea, spaceId, favourite }: { idea: Idea; spaceId: string; favourite: boolean }) {
  const { run } = useAction();
  return (
    <li class="card stack idea-card" aria-labelledby={`idea-${idea.id}`}>
      <h2 id={`idea-${idea.id}`}>{idea.title}</h2>
      <p>{idea.text}</p>
      <p class="muted small">
        {[t('ideas.minutes', { minutes: idea.minutes }), ...idea.places.map((p) => t(`place.${p}`)), t(`cost.${idea.cost}`)].join(' · ')}
      </p>
      {idea.bring && <p class="small">{t('ideas.bring', { bring: idea.bring })}</p>}
      <div class="plan-buttons">
        <a class="button primary" href={`/spaces/${spaceId}/plans/new?idea=${idea.id}`}>
          {t('ideas.plan', { title: idea.title })}
        </a>
        <button type="button" class="button quiet" aria-pressed={favourite} onClick={() => run(() => plansActions.setFavourite(idea.id, !favourite), t('plans.saved'))}>
          {t('ideas.favourite', { title: idea.title })}
        </button>
      </div>
    </li>
  );
}

function OwnIdeas({ spaceId }: { spaceId: string }) {
  const own = (plansBySpace.value[spaceId] ?? NO_SPACE_PLANS).ownIdeas;
  const [title, setTitle] = useState('');
  const [rhythm, setRhythm] = useState<IdeaRhythm>('whenever');
  const [energy, setEnergy] = useState<EnergyLevel>('some');
  const [place, setPlace] = useState<IdeaPlace>('home');
  const { busy, error, run } = useAction();
  return (
    <section class="stack" aria-labelledby="own-title">
      <h2 id="own-title">{t('ideas.ours')}</h2>
      <ul class="plain-list stack">
        {own.map((o) => (
          <li key={o.id} class="card stack">
            <h3>{o.title}</h3>
            <p class="muted small">{[t(`rhythm.${o.rhythm}`), t(`energy.${o.energy}`), t(`place.${o.place}`)].join(' · ')}</p>
            <div class="plan-buttons">
              <a class="button primary" href={`/spaces/${spaceId}/plans/new?title=${encodeURIComponent(o.title)}${o.bring ? `&bring=${encodeURIComponent(o.bring)}` : ''}`}>
                {t('ideas.plan', { title: o.title })}
              </a>
              <button type="button" class="button quiet" onClick={() => run(() => plansActions.removeOwnIdea(spaceId, o.id), t('plans.saved'))}>
                {t('ideas.ownRemove', { title: o.title })}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        class="stack card"
        aria-labelledby="own-add-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) return;
          void run(async () => {
            await plansActions.addOwnIdea(spaceId, { title: title.trim(), rhythm, energy, place });
            setTitle('');
          }, t('ideas.ownSaved'));
        }}
      >
        <h3 id="own-add-title">{t('ideas.addOwn')}</h3>
        <div class="field">
          <label for="own-idea-title">{t('ideas.ownTitle')}</label>
          <input id="own-idea-title" type="text" maxLength={80} required value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </div>
        <Select id="own-rhythm" label={t('ideas.rhythm')} value={rhythm} options={IDEA_RHYTHMS} prefix="rhythm" onValue={(v) => setRhythm((v || 'whenever') as IdeaRhythm)} />
        <Select id="own-energy" label={t('ideas.energy')} value={energy} options={ENERGY_LEVELS} prefix="energy" onValue={(v) => setEnergy((v || 'some') as EnergyLevel)} />
        <Select id="own-place" label={t('ideas.place')} value={place} options={IDEA_PLACES} prefix="place" onValue={(v) => setPlace((v || 'home') as IdeaPlace)} />
        <button type="submit" class="button secondary" aria-disabled={busy ? 'true' : undefined}>
          {busy ? t('ideas.ownSaving') : t('ideas.ownSave')}
        </button>
        <FormError error={error} />
      </form>
    </section>
  );
}

/** Ideas for time together: filter by rhythm, energy, place, cost and kind of closeness; favourites; our own. */
export default function IdeasScreen({ spaceId }: { spaceId: string }) {
  const space = useSpace(spaceId);
  const [f, setF] = useState<Filters>(NONE);
  if (space === 'loading') return <Loading />;
  if (!space) return <NotFound />;
  const favourites = new Set(favouriteIdeas.value);
  const list = filterIdeas(IDEAS, f, favourites);
  const set = (key: keyof Filters) => (v: string) => setF({ ...f, [key]: v });
  return (
    <div class="screen plans">
      <ScreenTitle>{t('ideas.title')}</ScreenTitle>
      <p class="lead">{t('ideas.lead')}</p>
      <form class="card idea-filters" aria-label={t('ideas.filters')} onSubmit={(e) => e.preventDefault()}>
        <Select id="f-rhythm" label={t('ideas.rhythm')} value={f.rhythm} options={IDEA_RHYTHMS} prefix="rhythm" onValue={set('rhythm')} />
        <Select id="f-energy" label={t('ideas.energy')} value={f.energy} options={ENERGY_LEVELS} prefix="energy" onValue={set('energy')} />
        <Select id="f-place" label={t('ideas.place')} value={f.place} options={IDEA_PLACES} prefix="place" onValue={set('place')} />
        <Select id="f-cost" label={t('ideas.cost')} value={f.cost} options={IDEA_COSTS} prefix="cost" onValue={set('cost')} />
        <Select id="f-dimension" label={t('ideas.dimension')} value={f.dimension} options={IDEA_DIMENSIONS} prefix="dimension" onValue={set('dimension')} />
        <label class="check">
          <input type="checkbox" checked={f.favourites} onChange={(e) => setF({ ...f, favourites: e.currentTarget.checked })} />
          {t('ideas.favouritesOnly')}
        </label>
      </form>
      <p role="status" class="muted">
        {t('ideas.count', { count: list.length })}
      </p>
      {list.length === 0 ? (
        <p>{t('ideas.none')}</p>
      ) : (
        <ul class="plain-list stack">
          {list.map((idea) => (
            <IdeaCard key={idea.id} idea={idea} spaceId={spaceId} favourite={favourites.has(idea.id)} />
          ))}
        </ul>
      )}
      <OwnIdeas spaceId={spaceId} />
    </div>
  );
}
