/**
 * The library (programs, decks, dimensions, obstacles, onboarding), validated once at import:
 * schema, unique ids, cross-references (src/shared/library.ts). Server (at boot), browser and
 * tests import this one copy. To add a program or deck: add its JSON file to the lists below.
 */
import { CONTENT_PRECHECKED } from '../src/shared/content.ts';
import { libraryAsBundled, parseLibrary, type Deck, type Dimension, type Library, type LibraryFiles, type Program } from '../src/shared/library.ts';
import { EXERCISE_BY_ID } from './exercises/index.ts';
import dimensions from './dimensions.json' with { type: 'json' };
import obstacles from './obstacles.json' with { type: 'json' };
import onboarding from './onboarding.json' with { type: 'json' };
import chronicIllness from './programs/chronic-illness.json' with { type: 'json' };
import afterCancer from './programs/after-cancer.json' with { type: 'json' };
import closenessFeelsScary from './programs/closeness-feels-scary.json' with { type: 'json' };
import emotionalIntimacy from './programs/emotional-intimacy.json' with { type: 'json' };
import dimensionsOfIntimacy from './programs/dimensions-of-intimacy.json' with { type: 'json' };
import emotionalDeck from './decks/emotional.json' with { type: 'json' };
import intellectualDeck from './decks/intellectual.json' with { type: 'json' };
import experientialDeck from './decks/experiential.json' with { type: 'json' };
import spiritualDeck from './decks/spiritual.json' with { type: 'json' };
import physicalDeck from './decks/physical.json' with { type: 'json' };
import sexualDeck from './decks/sexual.json' with { type: 'json' };
import communicationDeck from './decks/communication.json' with { type: 'json' };
import healthDeck from './decks/health-and-low-energy.json' with { type: 'json' };
import playfulDeck from './decks/light-and-playful.json' with { type: 'json' };
import moneyDeck from './decks/money-and-home.json' with { type: 'json' };
import familyDeck from './decks/family-and-future.json' with { type: 'json' };
import needsDeck from './decks/saying-what-i-need.json' with { type: 'json' };
import flirtingDeck from './decks/flirting-and-play.json' with { type: 'json' };

/** The library's files as bundled. */
export const LIBRARY_FILES: LibraryFiles = {
  programs: [
    { file: 'programs/chronic-illness.json', data: chronicIllness },
    { file: 'programs/after-cancer.json', data: afterCancer },
    { file: 'programs/closeness-feels-scary.json', data: closenessFeelsScary },
    { file: 'programs/emotional-intimacy.json', data: emotionalIntimacy },
    { file: 'programs/dimensions-of-intimacy.json', data: dimensionsOfIntimacy },
  ],
  decks: [
    { file: 'decks/emotional.json', data: emotionalDeck },
    { file: 'decks/intellectual.json', data: intellectualDeck },
    { file: 'decks/experiential.json', data: experientialDeck },
    { file: 'decks/spiritual.json', data: spiritualDeck },
    { file: 'decks/physical.json', data: physicalDeck },
    { file: 'decks/sexual.json', data: sexualDeck },
    { file: 'decks/communication.json', data: communicationDeck },
    { file: 'decks/health-and-low-energy.json', data: healthDeck },
    { file: 'decks/light-and-playful.json', data: playfulDeck },
    { file: 'decks/money-and-home.json', data: moneyDeck },
    { file: 'decks/family-and-future.json', data: familyDeck },
    { file: 'decks/saying-what-i-need.json', data: needsDeck },
    { file: 'decks/flirting-and-play.json', data: flirtingDeck },
  ],
  dimensions: { file: 'dimensions.json', data: dimensions },
  obstacles: { file: 'obstacles.json', data: obstacles },
  onboarding: { file: 'onboarding.json', data: onboarding },
};

export const LIBRARY: Library = CONTENT_PRECHECKED ? libraryAsBundled(LIBRARY_FILES) : parseLibrary(LIBRARY_FILES, new Set(EXERCISE_BY_ID.keys()));

const byId = <T extends { id: string }>(list: readonly T[]): ReadonlyMap<string, T> => new Map(list.map((x) => [x.id, x]));
const PROGRAMS = byId(LIBRARY.programs);
const DECKS = byId(LIBRARY.decks);
const DIMENSIONS = byId(LIBRARY.dimensions);

export const getProgram = (id: string): Program | undefined => PROGRAMS.get(id);
export const getDeck = (id: string): Deck | undefined => DECKS.get(id);
export const getDimension = (id: string): Dimension | undefined => DIMENSIONS.get(id);
