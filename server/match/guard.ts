// First line of defence for every client message: size and rate (the shapes are shared/protocol's).
import type { Ref } from '../../shared/protocol/index.js';

export const MAX_PAYLOAD = 8 * 1024;

/** The JSON size of a payload, or null when it cannot be measured (cycles, BigInt). */
export function payloadSize(payload: unknown): number | null {
  try {
    return JSON.stringify(payload ?? null).length;
  } catch {
    return null;
  }
}

/** Reads `ref` without trusting the payload's shape. */
export function refOf(payload: unknown): Ref {
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    const r = (payload as Record<string, unknown>).ref;
    if ((typeof r === 'string' && r.length <= 40) || (typeof r === 'number' && Number.isInteger(r))) return r;
  }
  return undefined;
}

export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** A token bucket per client. */
export class Bucket {
  private tokens: number;
  private at: number;
  constructor(private limit: RateLimit, now: number) {
    this.tokens = limit.burst;
    this.at = now;
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.at) / 1000) * this.limit.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
