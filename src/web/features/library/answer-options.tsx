import { shareableSpaces } from '../../spaces/my-spaces.ts';
import { spaceTitle } from '../../spaces/names.ts';
import { spaces } from '../../spaces/store.ts';
import { t } from './messages.ts';

/**
 * The two ways to answer anything from the library (a step's reflection, a deck question, the
 * self-assessment): alone, as a private reflection, or with partners in a shared space, where
 * everyone answers privately and sees the answers only when all have answered.
 */
export function AnswerOptions({ exerciseId, labelledBy }: { exerciseId: string; labelledBy?: string }) {
  const list = shareableSpaces(spaces.value);
  return (
    <div class="answer-options stack">
      <ul class="plain-list answer-option-list" role="list" aria-labelledby={labelledBy}>
        <li>
          <a class="button secondary" href={`/just-me/exercises/${exerciseId}`}>
            {t('library.answerAlone')}
          </a>
        </li>
        {list.map((space) => (
          <li key={space.id}>
            <a class="button secondary" href={`/spaces/${space.id}/exercises/new?exercise=${exerciseId}`}>
              {t('library.answerIn', { space: spaceTitle(space) })}
            </a>
          </li>
        ))}
      </ul>
      <p class="muted">{list.length > 0 ? t('library.answerInHint') : t('library.answerNoSpace')}</p>
    </div>
  );
}
