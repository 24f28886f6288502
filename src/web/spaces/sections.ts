/**
 * The sections features add to a shared space's screen (exercises, and whatever comes next). The
 * app hands over the features' loaders at start; they load together with the space's screen, so
 * it shows whole. Spaces names no feature.
 */
import type { ComponentType } from 'preact';
import type { Load } from '../platform/feature.ts';

type Section = ComponentType<{ spaceId: string }>;

let loaders: readonly Load<{ spaceId: string }>[] = [];
let loaded: readonly Section[] = [];

export function provideSpaceSections(list: readonly Load<{ spaceId: string }>[]): void {
  loaders = list;
}

/** Loads every section (once; a failed load is tried again with the next visit). */
export async function loadSpaceSections(): Promise<void> {
  if (loaded.length === loaders.length) return;
  loaded = (await Promise.all(loaders.map((load) => load()))).map((m) => m.default);
}

/** The sections, once loadSpaceSections has finished. */
export function spaceSections(): readonly Section[] {
  return loaded;
}
