import { useEffect, useRef } from 'react';

/** How often the live pages (the overview, a room, its channels) fetch again. */
export const POLL_MS = 2000;

/** Call `f` now and every `ms` while mounted; skipped while the tab is hidden. */
export function usePoll(f: () => void | Promise<void>, ms: number, deps: unknown[]) {
  const fn = useRef(f);
  fn.current = f;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (!live) return;
      if (document.visibilityState !== 'hidden') await Promise.resolve(fn.current()).catch(() => undefined);
      if (live) timer = setTimeout(tick, ms);
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ms, ...deps]);
}
