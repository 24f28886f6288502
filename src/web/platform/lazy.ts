/**
 * Code that loads when first needed: the session, each feature's engine. One way to do it, so a
 * facade never forgets to pass an argument on (one did: the options of a sharing change).
 */

/** Imports once; a failed load (offline, a new deploy) is tried again next time. */
export function loadOnce<T>(importer: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= importer().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
}

type AsyncMethods<A> = { [K in keyof A]: A[K] extends (...args: infer P) => Promise<infer R> ? (...args: P) => Promise<R> : never };

/**
 * Actions whose implementation loads on first use: each forwards every argument. `names` must
 * list every action of A (the type checks it), so a new action cannot be forgotten here.
 */
export function lazyActions<A extends AsyncMethods<A>>(load: () => Promise<A>, names: Record<keyof A, true>): A {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(names)) {
    out[name] = async (...args: unknown[]) => {
      const impl = await load();
      return (impl[name as keyof A] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return out as A;
}

/** What a feature's engine module exports: how to start following sync, and its actions. */
export interface EngineModule<A> {
  activate(): void;
  actions: A;
}

/**
 * A feature's engine, loaded on first use: the first action called, or the first screen that
 * reads one of the feature's signals (pass `watched` as the signal's options), loads and
 * activates it. `activate` never throws: a feature that failed to load is tried again later.
 */
export function lazyEngine<A extends AsyncMethods<A>>(
  name: string,
  importer: () => Promise<EngineModule<A>>,
  names: Record<keyof A, true>,
): { actions: A; activate: () => Promise<void>; watched: { watched: () => void } } {
  const load = loadOnce(() =>
    importer().then((m) => {
      m.activate();
      return m.actions;
    }),
  );
  const activate = () => load().then(
    () => undefined,
    (error: unknown) => console.warn(`${name} did not load`, (error as Error).message),
  );
  return { actions: lazyActions(load, names), activate, watched: { watched: () => void activate() } };
}
