import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TodayPart, TodayPartModule } from '../platform/feature.ts';
import { SyncStatus } from '../sync/sync-status.tsx';
import { ScreenTitle } from '../ui/screen-title.tsx';
import { FEATURES } from './features.ts';
import { t } from './messages.ts';

const parts = (place: 'first' | 'last') => FEATURES.flatMap((f) => f.today ?? []).filter((p) => p.place === place);

/** How long Today's parts wait for a slow one to be ready before showing without it. */
const READY_WAIT_MS = 3_000;
/** Resolves once the part is ready, or when the wait is over. */
const readyOrWaited = (part: TodayPartModule) => Promise.race([part.ready?.(), new Promise((resolve) => setTimeout(resolve, READY_WAIT_MS))]);

/**
 * The parts below everything else, loaded after Today has shown and shown together once each is
 * ready (or the wait is over): one arriving after another would push it, and whatever a finger
 * was on its way to, down. A part that cannot load (offline, never fetched) is left out.
 */
function LastParts({ parts }: { parts: readonly TodayPart[] }) {
  const [shown, setShown] = useState<ComponentType[] | null>(null);
  useEffect(() => {
    let live = true;
    const loaded = parts.map(async ({ load }) => {
      const part = await load();
      await readyOrWaited(part);
      return part.default;
    });
    void Promise.allSettled(loaded).then((results) => {
      if (live) setShown(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
    });
    return () => {
      live = false;
    };
  }, [parts]);
  return shown ? (
    <>
      {shown.map((Part, i) => (
        <Part key={i} />
      ))}
    </>
  ) : null;
}

/**
 * "Today": a warm hello, then what each feature offers today (an exercise waiting for my answers,
 * the check-in, the spaces, one next step and one question). No to-do list, no guilt. The heading
 * shows at once; the first parts together once each has what it shows (a partner's card popping
 * in above the check-in would push it from under a finger); the last parts after, below them.
 */
export async function loadToday(): Promise<{ default: ComponentType }> {
  const first = await Promise.all(parts('first').map((p) => p.load()));
  const last = parts('last');
  return {
    default: function Today() {
      // The parts come in a later task than the heading in any case, so a phone's main thread is
      // never held for the whole screen at once.
      const [partsShown, setPartsShown] = useState(false);
      useEffect(() => {
        let live = true;
        void Promise.all(first.map(readyOrWaited)).finally(() => {
          if (live) setPartsShown(true);
        });
        return () => {
          live = false;
        };
      }, []);
      return (
        <div class="screen home">
          <ScreenTitle>{t('home.title')}</ScreenTitle>
          <p class="lead">{t('home.welcome')}</p>
          <SyncStatus />
          {partsShown && first.map(({ default: Part }, i) => <Part key={i} />)}
          {partsShown && <LastParts parts={last} />}
        </div>
      );
    },
  };
}
