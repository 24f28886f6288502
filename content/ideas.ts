/**
 * Ideas for time together (src/shared/ideas.ts), validated once at import like the library:
 * schema, unique ids, at least 80. Server (at boot), browser (plans screens only) and tests import
 * this one copy. To add a rhythm's file: add it to the list below.
 */
import { CONTENT_PRECHECKED } from '../src/shared/content.ts';
import { ideasAsBundled, parseIdeas, type Idea, type IdeaFiles } from '../src/shared/ideas.ts';
import daily from './ideas/daily.json' with { type: 'json' };
import morning from './ideas/morning.json' with { type: 'json' };
import evening from './ideas/evening.json' with { type: 'json' };
import weekly from './ideas/weekly.json' with { type: 'json' };
import monthly from './ideas/monthly.json' with { type: 'json' };
import whenever from './ideas/whenever.json' with { type: 'json' };

export const IDEA_FILES: IdeaFiles = {
  files: [
    { file: 'ideas/daily.json', data: daily },
    { file: 'ideas/morning.json', data: morning },
    { file: 'ideas/evening.json', data: evening },
    { file: 'ideas/weekly.json', data: weekly },
    { file: 'ideas/monthly.json', data: monthly },
    { file: 'ideas/whenever.json', data: whenever },
  ],
};

export const IDEAS: readonly Idea[] = CONTENT_PRECHECKED ? ideasAsBundled(IDEA_FILES) : parseIdeas(IDEA_FILES);

const BY_ID: ReadonlyMap<string, Idea> = new Map(IDEAS.map((idea) => [idea.id, idea]));

export const getIdea = (id: string): Idea | undefined => BY_ID.get(id);
