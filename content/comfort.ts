/**
 * The comfort map's content (issue 13): the catalog of forms of closeness and the graded touch
 * program, validated once at import in Node and taken as bundled in the browser (ADR 020; the
 * checks are in src/shared/comfort.ts). Server, browser and tests import this one copy.
 */
import { CONTENT_PRECHECKED } from '../src/shared/content.ts';
import { parseComfort, placedItems, type ComfortCatalog, type PlacedComfortItem, type TouchProgram } from '../src/shared/comfort.ts';
import catalogJson from './comfort/catalog.json' with { type: 'json' };
import touchProgramJson from './comfort/touch-program.json' with { type: 'json' };

/** The files as bundled (for the precheck test and the content report). */
export const COMFORT_FILES = { catalog: catalogJson as unknown, touchProgram: touchProgramJson as unknown };

const checked = CONTENT_PRECHECKED
  ? { catalog: catalogJson as ComfortCatalog, program: touchProgramJson as TouchProgram }
  : parseComfort(catalogJson, touchProgramJson);

export const COMFORT_CATALOG: ComfortCatalog = checked.catalog;
export const TOUCH_PROGRAM: TouchProgram = checked.program;

const ITEMS: readonly PlacedComfortItem[] = placedItems(COMFORT_CATALOG);
const BY_ID: ReadonlyMap<string, PlacedComfortItem> = new Map(ITEMS.map((i) => [i.id, i]));

/** Every item in catalog order (least to most intimate), with its group and level. */
export function comfortItems(): readonly PlacedComfortItem[] {
  return ITEMS;
}

export function comfortItem(id: string): PlacedComfortItem | undefined {
  return BY_ID.get(id);
}

/**
 * The size every side pads its set to in the private match: the number of items, so the count of
 * real answers is hidden (between 80 and 120, checked with the catalog).
 */
export const MAX_COMFORT_ITEMS: number = ITEMS.length;
