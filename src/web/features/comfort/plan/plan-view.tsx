import { comfortItems } from '../../../../../content/comfort.ts';
import { formatDate } from '../../../platform/i18n/format.ts';
import { t } from '../plan-messages.ts';
import { ComfortWords } from './comfort-words.tsx';
import { planFrom, type MatchItems, type Suggestion } from './plan.ts';
import '../comfort-plan.css';

type StageKey = 'comfortPlan.stage.1' | 'comfortPlan.stage.2' | 'comfortPlan.stage.3' | 'comfortPlan.stage.4' | 'comfortPlan.stage.5';

interface Props {
  /** The partner's name, as the app shows it. */
  name: string;
  /** The latest match with this partner (null: none yet). */
  match: (MatchItems & { at: number }) | null;
  /** The touch program of this pair. */
  programHref: string;
  mapHref: string;
}

/** One "try this" suggestion: its label, its plain line, who is open to it, and its softer version. */
function SuggestionCard({ suggestion }: { suggestion: Suggestion }) {
  const { item, tier } = suggestion;
  return (
    <li class="card stack comfort-suggestion">
      <h3>{item.label}</h3>
      <p>{item.line}</p>
      <p class="tag">{t(tier === 'both-yes' ? 'comfortPlan.bothYes' : 'comfortPlan.open')}</p>
      {item.softer !== undefined && (
        <p class="comfort-softer">
          <strong>{t('comfortPlan.softer')}</strong> {item.softer}
        </p>
      )}
    </li>
  );
}

/**
 * The gentle plan from a match: stages from the least to the most intimate, the four words, and
 * the way into the touch program. With no match (or nothing matched) it says so kindly and points
 * to the comfort map.
 */
export function PlanView({ name, match, programHref, mapHref }: Props) {
  const stages = match ? planFrom(match, comfortItems()) : [];
  return (
    <div class="stack comfort-plan">
      {!match && <p class="lead">{t('comfortPlan.noMatch', { name })}</p>}
      {match && stages.length === 0 && <p class="lead">{t('comfortPlan.empty', { name })}</p>}
      {stages.length > 0 && (
        <>
          <p class="lead">{t('comfortPlan.lead', { name })}</p>
          <p class="muted">
            {t('comfortPlan.matchedOn', { date: formatDate(match!.at) })} {t('comfortPlan.private', { name })}
          </p>
        </>
      )}
      {stages.length > 0 && <ComfortWords />}
      {stages.map((stage, i) => (
        <section key={stage.level} aria-labelledby={`plan-stage-${stage.level}`} class="stack">
          {/* Stage headings by position, so the first stage says "start here" whatever its level. */}
          <h2 id={`plan-stage-${stage.level}`}>{t(`comfortPlan.stage.${Math.min(i + 1, 5)}` as StageKey)}</h2>
          <ul class="plain-list stack" role="list">
            {stage.suggestions.map((s) => (
              <SuggestionCard key={s.item.id} suggestion={s} />
            ))}
          </ul>
        </section>
      ))}
      <div class="actions">
        {stages.length > 0 && (
          <a class="button primary" href={programHref}>
            {t('comfortPlan.toProgram')}
          </a>
        )}
        <a class={`button ${stages.length > 0 ? 'secondary' : 'primary'}`} href={mapHref}>
          {stages.length > 0 ? t('comfortPlan.back') : t('comfortPlan.toMap')}
        </a>
      </div>
    </div>
  );
}
