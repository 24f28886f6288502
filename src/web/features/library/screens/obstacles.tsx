import { useState } from 'preact/hooks';
import { LIBRARY } from '../../../../../content/library.ts';
import type { Obstacle } from '../../../../shared/library.ts';
import { announce } from '../../../ui/live-region.tsx';
import { ScreenTitle } from '../../../ui/screen-title.tsx';
import { t } from '../messages.ts';
import { LinkList, recommendedFor } from '../recommended.tsx';
import '../library.css';

/** One ticked obstacle: what it can do to closeness, what can help, and where in the app. */
function ObstacleCard({ obstacle }: { obstacle: Obstacle }) {
  const titleId = `obstacle-${obstacle.id}-title`;
  const links = recommendedFor(obstacle.recommends);
  return (
    <section class="card stack obstacle-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{obstacle.title}</h3>
      <div class="stack recommend-group">
        <h4>{t('obstacles.impactTitle')}</h4>
        <p>{obstacle.impact}</p>
      </div>
      <div class="stack recommend-group">
        <h4>{t('obstacles.strategiesTitle')}</h4>
        <ul class="strategy-list">
          {obstacle.strategies.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </div>
      {/* Where to get help stands apart from the strategies: a safety line is never a tip among tips. */}
      {obstacle.link && (
        <div class="stack recommend-group">
          <h4>{obstacle.link.label}</h4>
          <p>{obstacle.link.line}</p>
          <p>
            <a href={obstacle.link.href}>{obstacle.link.label}</a>
          </p>
        </div>
      )}
      <LinkList level={4} title={t('obstacles.programs')} links={links.programs} />
      <LinkList level={4} title={t('obstacles.decks')} links={links.decks} />
      <LinkList level={4} title={t('obstacles.exercises')} links={links.exercises} />
    </section>
  );
}

/**
 * What gets in the way (issue 5): tick the obstacles that feel familiar and see, for each, its
 * impact, strategies and the programs, decks and exercises that help. Nothing is saved or shared:
 * the ticks live only in this screen's state and are gone when it closes.
 */
export default function ObstaclesScreen() {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const chosen = LIBRARY.obstacles.filter((o) => ticked.has(o.id));

  function toggle(obstacle: Obstacle, on: boolean) {
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(obstacle.id);
      else next.delete(obstacle.id);
      return next;
    });
    if (on) announce(t('obstacles.added', { title: obstacle.title }));
  }

  return (
    <div class="screen obstacles">
      <ScreenTitle>{t('obstacles.title')}</ScreenTitle>
      <p class="lead">{t('obstacles.lead')}</p>
      <p class="notice notice-info">{t('obstacles.private')}</p>

      <fieldset class="card obstacle-picker">
        <legend>
          <h2>{t('obstacles.pickerLegend')}</h2>
        </legend>
        {LIBRARY.obstacles.map((o) => {
          const id = `obstacle-${o.id}`;
          return (
            <div key={o.id} class="checkbox-row obstacle-option">
              <input id={id} type="checkbox" checked={ticked.has(o.id)} aria-describedby={`${id}-hint`} onChange={(e) => toggle(o, e.currentTarget.checked)} />
              <label for={id}>
                {o.title}
                {/* Read as the checkbox's description (not its name), shown inside the label so it is part of the tap target. */}
                <span id={`${id}-hint`} class="obstacle-hint" aria-hidden="true">
                  {o.hint}
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>

      <section class="stack" aria-labelledby="obstacle-ideas-title">
        <h2 id="obstacle-ideas-title">{t('obstacles.resultsTitle')}</h2>
        {chosen.length === 0 ? (
          <p class="muted">{t('obstacles.none')}</p>
        ) : (
          <ul class="plain-list obstacle-cards" role="list">
            {chosen.map((o) => (
              <li key={o.id}>
                <ObstacleCard obstacle={o} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <p class="aside-link">
        <a href="/assessment">{t('obstacles.assessmentLink')}</a>
      </p>
      <div class="actions">
        <a class="button secondary" href="/">
          {t('common.backHome')}
        </a>
      </div>
    </div>
  );
}
