import { t } from '../plan-messages.ts';

const WORDS = ['slower', 'softer', 'pause', 'stop'] as const;

/**
 * The four words to agree on before and use during any touch: slower, softer, pause, stop. Shown
 * with the plan and with every session of the touch program, so nobody has to invent a way to say
 * "not like that" in the moment. Stopping needs no reason.
 */
export function ComfortWords({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="comfort-words-title" class="card stack comfort-words">
      <Heading id="comfort-words-title">{t('comfortWords.title')}</Heading>
      <p>{t('comfortWords.lead')}</p>
      <dl class="comfort-words-list">
        {WORDS.map((word) => (
          <div key={word} class="comfort-word">
            <dt>{t(`comfortWords.${word}`)}</dt>
            <dd>{t(`comfortWords.${word}Line`)}</dd>
          </div>
        ))}
      </dl>
      <p class="muted">{t('comfortWords.before')}</p>
    </section>
  );
}
