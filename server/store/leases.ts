// Which process's room holds each match. A match's row names its holder (the `owner` column,
// which also fences writes); the holder's process keeps a heartbeat in the store, renewed every
// few seconds. One room per match across every process, so one writer and one phase clock; a
// process that dies stops its heartbeat, and within a lease every match it held can be started on
// another (failover). The waker claims due matches the same way.
//
// One heartbeat a process, not a lease a match: renewing 500 rows every 1.7 s took row locks each
// batch of that process waited behind, and made the most of PostgreSQL's work under bench:scale.
import type { MatchStore } from './matchStore.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Leases {
  /** Matches whose release failed (the store was away): tried again at each heartbeat. */
  private unreleased = new Set<string>();
  private timer: NodeJS.Timeout;
  /** Settles once a first heartbeat was kept: a claim waits for it (see claim). */
  private alive: Promise<void>;

  /**
   * @param owner this process (Colyseus's processId)
   * @param leaseMs how long a process's matches outlive its last heartbeat
   * @param ready the store's migrations, before which it cannot keep a heartbeat
   */
  constructor(
    private store: MatchStore,
    readonly owner: string,
    readonly leaseMs = 5000,
    ready: Promise<unknown> = Promise.resolve(),
  ) {
    this.alive = ready.then(() => this.beat()).catch(() => undefined);
    this.timer = setInterval(() => void this.beat().catch(() => undefined), Math.max(100, Math.floor(leaseMs / 3)));
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    try {
      await this.store.renewOwner(this.owner, this.leaseMs);
    } catch (e) {
      console.error('[leases] heartbeat failed:', message(e));
      throw e;
    }
    for (const id of this.unreleased) this.release(id);
  }

  /**
   * Take the match for a room of this process. A holder whose heartbeat stopped (a dead process)
   * loses it within a lease: wait that long before giving up. After this process's first
   * heartbeat: another process claiming the same match at once then sees this one alive.
   */
  async claim(matchId: string): Promise<boolean> {
    await this.alive;
    const until = Date.now() + this.leaseMs + 500;
    for (;;) {
      if (await this.store.claim(matchId, this.owner, this.leaseMs)) return true;
      if (Date.now() >= until) return false;
      await sleep(200);
    }
  }

  /**
   * Let the match go (its room was put away). One that cannot be let go now is tried again: a
   * live process keeps what it holds, so a lost release would keep the match from every other.
   */
  release(matchId: string): void {
    this.unreleased.delete(matchId);
    this.store.release(matchId, this.owner).catch((e) => {
      console.error(`[leases] could not release ${matchId}:`, message(e));
      this.unreleased.add(matchId);
    });
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
