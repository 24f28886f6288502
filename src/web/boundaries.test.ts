/**
 * The house rules of the web app (docs/decisions/018-web-app-in-feature-slices.md), checked on the import graph
 * (static, dynamic and type imports). Each folder may import only the folders beneath it:
 *
 *   platform  <-  ui, vault  <-  sync  <-  spaces  <-  features/<one>  <-  app
 *
 * Features never import each other; they meet through spaces, sync, platform and the app's
 * route table. Tests are exempt: an engine test may run the app's real kinds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module under src/web a file imports (static, dynamic, type and side-effect imports, CSS too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return specs.map((spec) => resolve(dirname(file), spec)).filter((target) => target.startsWith(`${WEB}/`));
}

/** The room a file lives in: 'features/checkins', 'sync', 'app'... */
function roomOf(path: string): string {
  const [top, sub] = relative(WEB, path).split('/');
  return top === 'features' ? `features/${sub}` : top!;
}

const BENEATH: Record<string, readonly string[]> = {
  platform: [],
  ui: ['platform'],
  vault: ['platform'],
  sync: ['platform', 'vault'],
  spaces: ['platform', 'ui', 'vault', 'sync'],
};
const FEATURE_MAY_USE = ['platform', 'ui', 'vault', 'sync', 'spaces'];

function mayImport(from: string, to: string): boolean {
  if (from === to || from === 'app') return true;
  if (from.startsWith('features/')) return FEATURE_MAY_USE.includes(to);
  return BENEATH[from]?.includes(to) ?? false;
}

function violations(files: string[]): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((target) => !mayImport(roomOf(file), roomOf(target)))
      .map((target) => `${relative(WEB, file)} -> ${relative(WEB, target)}`),
  );
}

const FILES = sourceFiles(WEB);

describe('web app boundaries', () => {
  it('every file lives in a known room', () => {
    const rooms = new Set(FILES.map(roomOf));
    const known = [...Object.keys(BENEATH), 'app'];
    expect([...rooms].filter((r) => !known.includes(r) && !r.startsWith('features/'))).toEqual([]);
  });

  it('each room imports only the rooms beneath it, and no feature imports another', () => {
    expect(violations(FILES)).toEqual([]);
  });

  it('every feature has an index that declares it', () => {
    const features = readdirSync(join(WEB, 'features'));
    expect(features.length).toBeGreaterThan(3);
    for (const name of features) expect(readFileSync(join(WEB, 'features', name, 'index.ts'), 'utf8'), name).toMatch(/: Feature = \{/);
  });

  it('catches a feature importing another, and sync importing a feature (the check can fail)', () => {
    const checkinsEngine = join(WEB, 'features/checkins/engine.ts');
    expect(importsOf(checkinsEngine)).toContain(join(WEB, 'sync/index.ts'));
    expect(mayImport('features/checkins', 'features/rounds')).toBe(false);
    expect(mayImport('sync', 'features/rounds')).toBe(false);
    expect(mayImport('sync', 'spaces')).toBe(false);
    expect(mayImport('ui', 'features/account')).toBe(false);
    expect(mayImport('platform', 'ui')).toBe(false);
    expect(mayImport('features/rounds', 'spaces')).toBe(true);
    expect(mayImport('app', 'features/rounds')).toBe(true);
  });
});
