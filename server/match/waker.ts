// Slow games run for weeks with nobody connected: their rooms are put away, but their phase
// deadlines keep running. The waker starts a match's room when its stored deadline falls due,
// so the phase advances (bots play empty seats) whether or not anyone is looking.
import type { MatchStore } from '../store/matchStore.js';

export function startWaker(store: MatchStore, ensureRoom: (id: string) => Promise<void>, everyMs: number): () => void {
  const wake = () => {
    const now = Date.now();
    for (const m of store.listMatches(10_000)) {
      if (m.ended || !m.clock || m.clock.paused || m.clock.endsAt <= 0 || m.clock.endsAt > now) continue;
      ensureRoom(m.id).catch((e) => console.error(`[waker ${m.id}]`, e));
    }
  };
  const timer = setInterval(wake, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
