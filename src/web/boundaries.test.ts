/**
 * The house rules of the web app, checked on the import graph: sync knows no feature and no
 * record kind (features register theirs), and spaces (used by features) imports no feature.
 * Tests are exempt: an engine test may run the app's real kinds.
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

/** Every relative module a file imports (static, dynamic and type imports), as paths under src/web. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]!);
  return specs.map((spec) => relative(WEB, resolve(dirname(file), spec)));
}

/** Folders of src/web that hold features (their records, engines, screens). */
const FEATURES = ['checkins', 'library', 'rounds', 'features', 'routes', 'components', 'kinds.ts'];

function offending(folder: string, forbidden: string[]): string[] {
  return sourceFiles(join(WEB, folder)).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((f) => target === f || target.startsWith(`${f}/`)))
      .map((target) => `${relative(WEB, file)} -> ${target}`),
  );
}

describe('web app boundaries', () => {
  it('sync imports no feature, no record kind and no screen state', () => {
    expect(offending('sync', [...FEATURES, 'spaces', 'state/store.ts'])).toEqual([]);
  });

  it('spaces imports no feature', () => {
    expect(offending('spaces', FEATURES)).toEqual([]);
  });

  it('finds imports at all (the check can fail)', () => {
    expect(importsOf(join(WEB, 'sync/engine.ts'))).toContain('sync/outbox.ts');
    expect(offending('sync', ['sync/outbox.ts'])).not.toEqual([]);
  });
});
