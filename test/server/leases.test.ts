// The process's side of leases (store/leases.ts), against a store that records its calls and
// fails when told: one heartbeat a tick whatever the process holds, no claim before the first
// heartbeat, and a release the store lost tried again (a live process keeps what it holds).
import { afterEach, describe, expect, it } from 'vitest';
import { Leases } from '../../server/store/leases.js';
import type { MatchStore } from '../../server/store/matchStore.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Until `cond` holds, at most 3 s (a loaded machine's timers run late). */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !cond(); i++) await sleep(10);
  expect(cond()).toBe(true);
}

function recordingStore() {
  const calls: string[] = [];
  const failing = { renew: false, release: 0 };
  const store = {
    async renewOwner(owner: string) {
      calls.push(`renew ${owner}`);
      if (failing.renew) throw new Error('store away');
    },
    async claim(id: string) {
      calls.push(`claim ${id}`);
      return true;
    },
    async release(id: string) {
      calls.push(`release ${id}`);
      if (failing.release > 0) {
        failing.release--;
        throw new Error('store away');
      }
    },
  } as unknown as MatchStore;
  return { store, calls, failing };
}

let leases: Leases | null = null;
afterEach(() => leases?.stop());

describe('a process’s leases', () => {
  it('claims only after its first heartbeat, and renews with one call a tick however many matches it holds', async () => {
    const { store, calls } = recordingStore();
    let migrated!: () => void;
    leases = new Leases(store, 'P', 300, new Promise<void>((r) => (migrated = r)));
    const claims = Promise.all(Array.from({ length: 50 }, (_, i) => leases!.claim(`m${i}`)));
    await sleep(20);
    expect(calls).toEqual([]);
    migrated();
    expect(await claims).toEqual(Array(50).fill(true));
    expect(calls[0]).toBe('renew P');
    expect(calls.filter((c) => c.startsWith('claim'))).toHaveLength(50);
    calls.length = 0;
    await sleep(350);
    // Ticks every 100 ms (a third of the lease): a few renewals, each one call.
    expect(calls.every((c) => c === 'renew P')).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it('tries a release the store lost again at the next heartbeat, until it is kept', async () => {
    const { store, calls, failing } = recordingStore();
    leases = new Leases(store, 'P', 300);
    expect(await leases.claim('m1')).toBe(true);
    failing.release = 2;
    leases.release('m1');
    await until(() => calls.filter((c) => c === 'release m1').length === 3);
    calls.length = 0;
    await sleep(350);
    expect(calls.filter((c) => c === 'release m1')).toEqual([]);
  });

  it('keeps trying its heartbeat while the store is away', async () => {
    const { store, calls, failing } = recordingStore();
    failing.renew = true;
    leases = new Leases(store, 'P', 300);
    await until(() => calls.length >= 2);
    failing.renew = false;
    await until(() => calls.length >= 3);
    // A claim is not held up for ever by the failed first heartbeat.
    expect(await leases.claim('m1')).toBe(true);
  });
});
