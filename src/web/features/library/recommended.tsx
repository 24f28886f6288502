import { getExercise } from '../../../../content/exercises/index.ts';
import { getDeck, getProgram } from '../../../../content/library.ts';
import type { Recommends } from '../../../shared/library.ts';
import { recommendedLinks, type ContentLink, type RecommendedLinks } from './assessment.ts';

const TITLES = {
  program: (id: string) => getProgram(id)?.title,
  deck: (id: string) => getDeck(id)?.title,
  exercise: (id: string) => getExercise(id)?.title,
};

/** The programs, decks and exercises something recommends, as titled links into the app. */
export function recommendedFor(recommends: Recommends): RecommendedLinks {
  return recommendedLinks(recommends, TITLES);
}

/** One titled group of recommended links (nothing when empty). */
export function LinkList({ title, links, level = 3 }: { title: string; links: ContentLink[]; level?: 3 | 4 }) {
  if (links.length === 0) return null;
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div class="stack recommend-group">
      <Heading>{title}</Heading>
      <ul class="plain-list recommend-links" role="list">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.title}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
