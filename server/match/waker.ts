// Slow games run for weeks with nobody connected: their rooms are put away, but their phase
// deadlines keep running. The waker, on every process, claims the matches whose stored deadline
// fell due and that no live room holds (one process claims each: store.claimDue), and starts
// their rooms here, so the phase advances (bots play empty seats) whether or not anyone is looking.
// A match whose process died is claimed the same way once that process's heartbeat ran out.
import type { Leases } from '../store/leases.js';
import type { MatchStore } from '../store/matchStore.js';

/** Matches one wake-up starts at most (the rest wait for the next). */
const PER_WAKE = 100;

export function startWaker(store: MatchStore, leases: Leases, ensureRoom: (id: string) => Promise<void>, everyMs: number): () => void {
  let busy = false;
  const wake = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const id of await store.claimDue(leases.owner, Date.now(), leases.leaseMs, PER_WAKE)) {
        await ensureRoom(id).catch((e) => {
          console.error(`[waker ${id}]`, e instanceof Error ? e.message : e);
          leases.release(id);
        });
      }
    } catch (e) {
      console.error('[waker]', e instanceof Error ? e.message : e);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void wake(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
