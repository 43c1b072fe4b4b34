import { useEffect, useState } from 'react';

/** Milliseconds since the overview was fetched, ticking each second for the clocks. */
export function useSince(at: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return at ? Math.max(0, now - at) : 0;
}
