import { TREND_MIN_READINGS, type Insight } from './insights.ts';
import { t, type MessageKey } from './messages.ts';
import { type Params } from '../../platform/i18n/translator.ts';

/** The insight ids the catalog has words for; an unknown id (a newer app's rule) is not shown. */
const KNOWN = new Set(['physical-rising-emotional-flat', 'emotional-rising-physical-flat', 'shared-dip', 'drifting-apart', 'low-energy-week', 'persistent-low']);
const PARTNER_RULES = new Set(['shared-dip', 'drifting-apart']);

export function isShownInsight(insight: Insight): boolean {
  return KNOWN.has(insight.id);
}

/**
 * One insight: what we notice, in kind words with the numbers behind it, what data it rests on,
 * and how the rule works. Never a score. The care insight carries the built-in help paragraph.
 */
export function InsightCard({ insight, partner }: { insight: Insight; partner: string | null }) {
  const facts: Params = { ...insight.facts, partner: partner ?? '' };
  if (insight.id === 'shared-dip') facts.line = t(`insight.shared-dip.line.${insight.facts.line === 'physical' ? 'physical' : 'emotional'}`);
  const key = (part: string) => `insight.${insight.id}.${part}` as MessageKey;
  const windowDays = insight.facts.windowDays ?? '';
  return (
    <li class={`card insight insight-${insight.kind}`}>
      <h3>{t(key('title'))}</h3>
      <p>{t(key('body'), facts)}</p>
      {insight.id === 'persistent-low' && <p class="insight-help">{t('insight.persistent-low.help')}</p>}
      <details class="insight-why">
        <summary>{t('closeness.why')}</summary>
        <p>
          {PARTNER_RULES.has(insight.id) && partner
            ? t('insight.basisPartner', { partner, windowDays })
            : t('insight.basis', { windowDays })}
        </p>
        <p>{t(`insight.rule.${insight.id}` as MessageKey, { minReadings: TREND_MIN_READINGS })}</p>
      </details>
    </li>
  );
}
