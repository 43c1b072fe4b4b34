// Which process's room holds each match: a lease in the store, taken when the room starts and
// renewed every few seconds while it runs. One room per match across every process, so one
// writer and one phase clock; a process that dies stops renewing, and within a lease its
// matches can be started on another (failover). The waker claims due matches the same way.
import type { MatchStore } from './matchStore.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Leases {
  private held = new Set<string>();
  private timer: NodeJS.Timeout;

  /**
   * @param owner this process (Colyseus's processId)
   * @param leaseMs how long a lease outlives its last renewal
   */
  constructor(
    private store: MatchStore,
    readonly owner: string,
    readonly leaseMs = 5000,
  ) {
    this.timer = setInterval(() => {
      this.store.renewLeases(this.owner, [...this.held], this.leaseMs).catch((e) => console.error('[leases] renewal failed:', e instanceof Error ? e.message : e));
    }, Math.max(100, Math.floor(leaseMs / 3)));
    this.timer.unref();
  }

  /**
   * Take the match for a room of this process. A holder that stopped renewing (a dead process)
   * loses it within a lease: wait that long before giving up.
   */
  async claim(matchId: string): Promise<boolean> {
    const until = Date.now() + this.leaseMs + 500;
    for (;;) {
      if (await this.store.claim(matchId, this.owner, this.leaseMs)) {
        this.held.add(matchId);
        return true;
      }
      if (Date.now() >= until) return false;
      await sleep(200);
    }
  }

  /** A match claimed by the waker (store.claimDue): renewed until its room takes or drops it. */
  hold(matchId: string): void {
    this.held.add(matchId);
  }

  release(matchId: string): void {
    this.held.delete(matchId);
    this.store.release(matchId, this.owner).catch((e) => console.error(`[leases] could not release ${matchId}:`, e instanceof Error ? e.message : e));
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
