// How much one client address may ask of the server (docs/protocol.md §9): request bodies, and
// token buckets for what costs the server or could find a live code by guessing. A refused request
// is answered 429 with Retry-After.
import { MAX_SCENARIO_BYTES } from '../../shared/scenario/parse.js';
import { HttpError } from './request.js';

/** A bucket: `burst` at once, then `perMinute` more each minute. */
export interface Rate {
  burst: number;
  perMinute: number;
}

export interface Limits {
  /** Largest request body on any route (scenario uploads: `uploadBytes`). */
  bodyBytes: number;
  uploadBytes: number;
  /** POST /api/matches. */
  matchCreations: Rate;
  /** POST /api/sessions. */
  sessionCreations: Rate;
  /** POST /api/scenarios. */
  uploads: Rate;
  /** GET /api/join/:code, found or not. */
  codeLookups: Rate;
  /** GET /api/join/:code that found no match: what guessing a code costs. */
  missedLookups: Rate;
  /** Rooms an address's code lookups start (a room already running costs nothing). */
  roomStarts: Rate;
  /** Colyseus's /matchmake requests (a join by room id, a reconnection). */
  matchmake: Rate;
  /** Wrong passphrases for a class session's token. */
  wrongPassphrases: Rate;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 64 * 1024,
  uploadBytes: MAX_SCENARIO_BYTES + 64 * 1024,
  matchCreations: { burst: 20, perMinute: 2 },
  sessionCreations: { burst: 10, perMinute: 1 },
  uploads: { burst: 10, perMinute: 1 },
  codeLookups: { burst: 120, perMinute: 60 },
  missedLookups: { burst: 30, perMinute: 0.5 },
  roomStarts: { burst: 20, perMinute: 4 },
  matchmake: { burst: 60, perMinute: 120 },
  wrongPassphrases: { burst: 5, perMinute: 1 },
};

/** Keys kept before full buckets are swept out. */
const SWEEP_AT = 20_000;

/** A token bucket per key (a client address). */
export class AddressBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  private perMs: number;

  constructor(private rate: Rate) {
    this.perMs = rate.perMinute / 60_000;
  }

  /** Take one token; null when allowed, else the seconds until the next one. */
  take(key: string, now = Date.now()): number | null {
    const b = this.fill(key, now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return null;
    }
    return this.perMs > 0 ? Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000)) : 86_400;
  }

  /** Whether a token is there, without taking it; null or the seconds to wait. */
  peek(key: string, now = Date.now()): number | null {
    const b = this.fill(key, now);
    return b.tokens >= 1 ? null : this.perMs > 0 ? Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000)) : 86_400;
  }

  /** Give back a token taken for an attempt that turned out not to count (a right passphrase). */
  refund(key: string, now = Date.now()): void {
    const b = this.fill(key, now);
    b.tokens = Math.min(this.rate.burst, b.tokens + 1);
  }

  private fill(key: string, now: number) {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= SWEEP_AT) this.sweep(now);
      b = { tokens: this.rate.burst, at: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.rate.burst, b.tokens + (now - b.at) * this.perMs);
    b.at = now;
    return b;
  }

  /** Forget buckets that have filled up again: they are as good as new. */
  private sweep(now: number) {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * this.perMs >= this.rate.burst) this.buckets.delete(k);
  }
}

/** Throws the 429 of a refused take. */
export function spend(buckets: AddressBuckets, key: string, what: string): void {
  const wait = buckets.take(key);
  if (wait !== null) throw tooMany(wait, what);
}

export const tooMany = (seconds: number, what: string) => new HttpError(429, `${what}; try again in ${seconds} s`, undefined, { 'retry-after': String(seconds) });
