// The phase timer, on the server's clock. Survives restarts through its record.
import type { ClockRecord } from '../../shared/protocol/index.js';

// setTimeout holds at most ~24.8 days; longer phases (slow games) re-arm in steps.
const MAX_TIMEOUT = 2 ** 30;

export class PhaseClock {
  paused = false;
  endsAt = 0;
  private left = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private onExpire: () => void) {}

  /** Start a phase of `ms`; a paused clock stays paused with `ms` left. */
  start(ms: number): void {
    this.clear();
    if (this.paused) {
      this.left = ms;
      this.endsAt = 0;
      return;
    }
    this.endsAt = Date.now() + ms;
    this.arm();
  }

  /** Time left in ms. */
  remaining(): number {
    return this.paused ? this.left : Math.max(0, this.endsAt - Date.now());
  }

  pause(): void {
    this.left = this.remaining();
    this.paused = true;
    this.endsAt = 0;
    this.clear();
  }

  resume(): void {
    this.paused = false;
    this.start(this.left);
  }

  extend(seconds: number): void {
    if (this.paused) this.left += seconds * 1000;
    else {
      this.endsAt += seconds * 1000;
      this.clear();
      this.arm();
    }
  }

  stop(): void {
    this.clear();
    this.endsAt = 0;
    this.left = 0;
  }

  record(): ClockRecord {
    return { paused: this.paused, endsAt: this.endsAt, remaining: this.paused ? this.left : 0 };
  }

  /** Take a clock's record without running it (a lost write put the match back; `restore` runs it again). */
  hold(r: ClockRecord): void {
    this.clear();
    this.paused = r.paused;
    this.endsAt = r.paused ? 0 : r.endsAt;
    this.left = r.paused ? r.remaining : 0;
  }

  /** Pick up where a stored clock left off (after a restart or a suspended room). */
  restore(r: ClockRecord): void {
    this.paused = r.paused;
    if (r.paused) this.start(r.remaining);
    else this.start(r.endsAt > 0 ? Math.max(0, r.endsAt - Date.now()) : r.remaining);
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    const wait = Math.min(Math.max(0, this.endsAt - Date.now()), MAX_TIMEOUT);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (Date.now() >= this.endsAt - 2) this.onExpire();
      else this.arm();
    }, wait);
  }
}
