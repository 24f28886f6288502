import { useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';

/** Replaces the current entry with `to` (so Back does not bounce between guards). */
export function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useEffect(() => {
    route(to, true);
  }, [to]);
  return null;
}
