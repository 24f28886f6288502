import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Load } from '../platform/feature.ts';
import { SyncStatus } from '../sync/sync-status.tsx';
import { ScreenTitle } from '../ui/screen-title.tsx';
import { FEATURES } from './features.ts';
import { t } from './messages.ts';

const parts = (place: 'first' | 'last') => FEATURES.flatMap((f) => f.today ?? []).filter((p) => p.place === place);

/** A part that loads after Today has shown; if it cannot load (offline, never fetched), Today goes without it. */
function Later({ load }: { load: Load }) {
  const [Part, setPart] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    load()
      .then((m) => live && setPart(() => m.default))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [load]);
  return Part ? <Part /> : null;
}

/**
 * "Today": a warm hello, then what each feature offers today (an exercise waiting for my answers,
 * the check-in, the spaces, one next step and one question). No to-do list, no guilt. It loads
 * with its first parts, so it shows whole; the last parts come after, below everything else.
 */
export async function loadToday(): Promise<{ default: ComponentType }> {
  const first = (await Promise.all(parts('first').map((p) => p.load()))).map((m) => m.default);
  const last = parts('last');
  return {
    default: function Today() {
      // The heading paints first; the parts follow in the next task, so a phone's main thread is
      // never held for the whole screen at once (they come below the heading: nothing moves).
      const [partsShown, setPartsShown] = useState(false);
      useEffect(() => {
        const timer = setTimeout(() => setPartsShown(true), 0);
        return () => clearTimeout(timer);
      }, []);
      return (
        <div class="screen home">
          <ScreenTitle>{t('home.title')}</ScreenTitle>
          <p class="lead">{t('home.welcome')}</p>
          <SyncStatus />
          {partsShown && first.map((Part, i) => <Part key={i} />)}
          {partsShown && last.map(({ load }, i) => <Later key={i} load={load} />)}
        </div>
      );
    },
  };
}
