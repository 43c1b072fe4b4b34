// The group commit both stores write through (server/store/writeQueue.ts), against a commit of
// our own: which writes go together, one batch at a time, retries, and refusals.
import { describe, expect, it } from 'vitest';
import { emptyWrite, NotOwner, StoreUnavailable, type MatchWrite } from '../../server/store/matchStore.js';
import { WriteQueue, type WriteOutcome } from '../../server/store/writeQueue.js';

/** A commit that records its batches and finishes each when told to. */
function heldCommit() {
  const batches: string[][] = [];
  const pending: (() => void)[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const commit = (writes: MatchWrite[]) =>
    new Promise<WriteOutcome[]>((resolve) => {
      batches.push(writes.map((w) => w.matchId));
      mostAtOnce = Math.max(mostAtOnce, ++running);
      pending.push(() => {
        running--;
        resolve(writes.map(() => null));
      });
    });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { commit, batches, finishNext: async () => (pending.shift()?.(), await tick()), mostAtOnce: () => mostAtOnce, tick };
}

describe('the write queue', () => {
  it('puts the writes of one callback in one batch, and those made while it commits together in the next: one batch at a time', async () => {
    const h = heldCommit();
    const q = new WriteQueue(h.commit);
    const done: string[] = [];
    const write = (id: string) => q.write(emptyWrite(id, 'p')).then(() => done.push(id));
    const first = ['a', 'b', 'c'].map(write);
    await h.tick();
    expect(h.batches).toEqual([['a', 'b', 'c']]);
    // Two more turns (d and e, then f) while the first batch is still on its way: neither starts a batch of its own.
    const later = [write('d'), write('e')];
    await h.tick();
    later.push(write('f'));
    await h.tick();
    expect(h.batches).toHaveLength(1);
    expect(done).toEqual([]);
    await h.finishNext();
    await Promise.all(first);
    expect(done).toEqual(['a', 'b', 'c']);
    expect(h.batches).toEqual([['a', 'b', 'c'], ['d', 'e', 'f']]);
    await h.finishNext();
    await Promise.all(later);
    expect(done).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(h.mostAtOnce()).toBe(1);
    await q.drain();
  });

  it('drains only once every write is committed, and refuses writes once closed', async () => {
    const h = heldCommit();
    const q = new WriteQueue(h.commit);
    let drained = false;
    const w = q.write(emptyWrite('a', 'p'));
    const drain = q.drain().then(() => (drained = true));
    await h.tick();
    expect(drained).toBe(false);
    await h.finishNext();
    await w;
    await drain;
    expect(drained).toBe(true);
    await q.close();
    await expect(q.write(emptyWrite('b', 'p'))).rejects.toBeInstanceOf(StoreUnavailable);
    expect(h.batches).toEqual([['a']]);
  });

  it('tries a failing batch again, and keeps its writes when a try succeeds', async () => {
    let tries = 0;
    const q = new WriteQueue(async (writes) => {
      if (++tries < 3) throw new Error('database is locked');
      return writes.map(() => null);
    }, { retryForMs: 1000, firstPauseMs: 1 });
    await expect(Promise.all([q.write(emptyWrite('a', 'p')), q.write(emptyWrite('b', 'p'))])).resolves.toBeDefined();
    expect(tries).toBe(3);
  });

  it('refuses every write of a batch that keeps failing past its window, with the reason', async () => {
    let tries = 0;
    let full = true;
    const q = new WriteQueue(async (writes) => {
      tries++;
      if (full) throw new Error('disk full');
      return writes.map(() => null);
    }, { retryForMs: 60, firstPauseMs: 5 });
    const results = await Promise.allSettled([q.write(emptyWrite('a', 'p')), q.write(emptyWrite('b', 'p'))]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      const e = (r as PromiseRejectedResult).reason;
      expect(e).toBeInstanceOf(StoreUnavailable);
      expect(e.why).toBe('disk full');
    }
    expect(tries).toBeGreaterThan(1);
    // The queue goes on: once the disk has room, the next write is committed.
    full = false;
    await expect(q.write(emptyWrite('c', 'p'))).resolves.toBeUndefined();
  });

  it('refuses only the write whose match another process holds, or that failed alone', async () => {
    const q = new WriteQueue(async (writes) => writes.map((w): WriteOutcome => (w.matchId === 'taken' ? { notOwner: true } : w.matchId === 'gone' ? { failed: 'no match gone' } : null)));
    const [ok, taken, gone] = await Promise.allSettled([q.write(emptyWrite('ok', 'p')), q.write(emptyWrite('taken', 'p')), q.write(emptyWrite('gone', 'p'))]);
    expect(ok.status).toBe('fulfilled');
    expect((taken as PromiseRejectedResult).reason).toBeInstanceOf(NotOwner);
    expect((gone as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailable);
    expect((gone as PromiseRejectedResult).reason.why).toBe('no match gone');
  });

  it('spaces batches by the gap under load, gathering the turns made meanwhile, and lets a write after a quiet spell go at once', async () => {
    const GAP = 40;
    const starts: { at: number; ids: string[] }[] = [];
    const q = new WriteQueue(async (writes) => (starts.push({ at: performance.now(), ids: writes.map((w) => w.matchId) }), writes.map(() => null)), { gapMs: GAP });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const t0 = performance.now();
    const first = q.write(emptyWrite('a', 'p'));
    await first;
    // The first batch did not wait for any gap.
    expect(starts[0].at - t0).toBeLessThan(GAP / 2);
    // Three turns within the gap: they wait for it, then go as one batch.
    const turns: Promise<void>[] = [q.write(emptyWrite('b', 'p'))];
    await sleep(5);
    turns.push(q.write(emptyWrite('c', 'p')));
    await sleep(5);
    turns.push(q.write(emptyWrite('d', 'p')));
    let drained = false;
    const drain = q.drain().then(() => (drained = true));
    await sleep(0);
    expect(starts).toHaveLength(1);
    expect(drained).toBe(false);
    await Promise.all(turns);
    await drain;
    expect(starts.map((s) => s.ids)).toEqual([['a'], ['b', 'c', 'd']]);
    // Timers may fire up to a millisecond early by performance.now's clock.
    expect(starts[1].at - starts[0].at).toBeGreaterThanOrEqual(GAP - 1);
    // After a quiet spell longer than the gap, a write goes at once.
    await sleep(GAP + 10);
    const t1 = performance.now();
    await q.write(emptyWrite('e', 'p'));
    expect(starts[2].ids).toEqual(['e']);
    expect(starts[2].at - t1).toBeLessThan(GAP / 2);
  });
});
