/**
 * The help centre's content (guide to professional help, the "I don't feel safe" page, question
 * sheets), validated once at import (src/shared/help.ts). Server (at boot), browser and tests
 * import this one copy. To add a question sheet: add its JSON file to the list below.
 */
import { CONTENT_PRECHECKED } from '../src/shared/content.ts';
import { helpAsBundled, parseHelp, type HelpContent, type HelpFiles, type QuestionSheet } from '../src/shared/help.ts';
import professional from './help/professional.json' with { type: 'json' };
import unsafe from './help/unsafe.json' with { type: 'json' };
import afterCancer from './help/sheets/after-cancer.json' with { type: 'json' };
import chronicIllness from './help/sheets/chronic-illness.json' with { type: 'json' };

export const HELP_FILES: HelpFiles = {
  professional: { file: 'help/professional.json', data: professional },
  unsafe: { file: 'help/unsafe.json', data: unsafe },
  sheets: [
    { file: 'help/sheets/after-cancer.json', data: afterCancer },
    { file: 'help/sheets/chronic-illness.json', data: chronicIllness },
  ],
};

export const HELP: HelpContent = CONTENT_PRECHECKED ? helpAsBundled(HELP_FILES) : parseHelp(HELP_FILES);

export const getSheet = (id: string): QuestionSheet | undefined => HELP.sheets.find((s) => s.id === id);
