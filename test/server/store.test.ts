// The store's contract, the same tests on both backends: SQLite (the embedded default, on its
// own thread) and PostgreSQL (a private instance). What a write resolved for is there; what it
// was refused for is not; writes are idempotent and cut what lies past them; leases and due
// claims go to one process at a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyWrite, NotOwner, StoreUnavailable, type MatchWrite, type NewMatch } from '../../server/store/matchStore.js';
import { openStore, type OpenStore } from '../../server/store/open.js';
import { MIGRATIONS } from '../../server/store/postgres/migrations.js';
import { batchStatement, PART_NAMES } from '../../server/store/postgres/store.js';
import { freshDatabase, startPostgres, type Service } from '../../scripts/services.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-store-'));
let postgres: Service;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const retry = { retryForMs: 300, firstPauseMs: 10 };

/** Each backend: a fresh store, and a second one on the same database (another process), and a way to hold its write lock. */
interface Backend {
  open(): Promise<{ a: OpenStore; b: OpenStore; lock(): Promise<() => Promise<void>> }>;
}

let n = 0;
const BACKENDS: Record<string, Backend> = {
  sqlite: {
    async open() {
      const path = join(dir, `s${n++}.db`);
      const a = openStore({ path, retry });
      await a.ready;
      const b = openStore({ path, retry });
      await b.ready;
      return {
        a,
        b,
        lock: async () => {
          const other = new DatabaseSync(path);
          other.exec('BEGIN IMMEDIATE');
          return async () => {
            other.exec('ROLLBACK');
            other.close();
          };
        },
      };
    },
  },
  postgres: {
    async open() {
      const url = await freshDatabase(postgres.url);
      const a = openStore({ path: '', databaseUrl: url, retry });
      await a.ready;
      const b = openStore({ path: '', databaseUrl: url, retry });
      await b.ready;
      return {
        a,
        b,
        lock: async () => {
          const other = new pg.Client({ connectionString: url });
          await other.connect();
          await other.query('BEGIN');
          await other.query('LOCK TABLE matches IN ACCESS EXCLUSIVE MODE');
          return async () => {
            await other.query('ROLLBACK');
            await other.end();
          };
        },
      };
    },
  },
};

const newMatch = (id: string, extra: Partial<NewMatch> = {}): NewMatch => ({
  id,
  code: id.slice(-6).toUpperCase().padStart(6, 'A'),
  scenario: 'august-2022',
  name: `match ${id}`,
  seed: 4_000_000_000,
  seats: { armenia: { controller: 'human' }, azerbaijan: { controller: 'bot', strategy: 'hawk' } },
  timers: { news: 5, planning: 5, demands: 5, negotiation: 5, response: 5, resolution: 5, report: 5 },
  tokenHash: 'ab'.repeat(32),
  seatKeys: { armenia: { v: 1, hash: 'cd'.repeat(32) } },
  createdAt: Date.now(),
  ...extra,
});

const entry = (i: number) => ({ kind: 'action' as const, seat: 'armenia' as const, action: { type: 'done' as const, i } as never });
const event = (i: number) => ({ key: `event.${i}`, params: {}, round: 1, phase: 'news', to: 'all' }) as never;

function turn(id: string, owner: string | null, from: number, count: number, extra: Partial<MatchWrite> = {}): MatchWrite {
  return {
    ...emptyWrite(id, owner, from, from),
    log: { from, entries: Array.from({ length: count }, (_, i) => entry(from + i)) },
    events: { from, entries: Array.from({ length: count }, (_, i) => event(from + i)) },
    ...extra,
  };
}

for (const [name, backend] of Object.entries(BACKENDS)) {
  describe(`the ${name} store`, () => {
    let s: Awaited<ReturnType<Backend['open']>>;
    beforeAll(async () => {
      s = await backend.open();
    }, 30_000);
    afterAll(async () => {
      await s?.a.close();
      await s?.b.close();
    });

    it('keeps matches and finds them by code, newest first, listed ones in the open list', async () => {
      await s.a.createMatch(newMatch('m-list-1', { createdAt: 1000 }));
      await s.a.createMatch(newMatch('m-list-2', { createdAt: 2000, listed: true }));
      expect((await s.b.findByCode(newMatch('m-list-1').code))?.id).toBe('m-list-1');
      expect(await s.a.findByCode('ZZZZZZ')).toBeNull();
      const row = (await s.a.readMatch('m-list-2'))!;
      expect(row).toMatchObject({ ...newMatch('m-list-2', { createdAt: 2000, listed: true }), round: 1, phase: 'news', ended: null, clock: null, log: [], chat: [] });
      const ids = (await s.a.listMatches()).map((m) => m.id);
      expect(ids.indexOf('m-list-2')).toBeLessThan(ids.indexOf('m-list-1'));
      expect((await s.a.listOpenMatches()).map((m) => m.id)).toEqual(['m-list-2']);
      await expect(s.a.createMatch(newMatch('m-list-1'))).rejects.toThrow();
    });

    it("keeps the seat keys' hashes and whether the match is open; a renewed key replaces its seat's alone", async () => {
      await s.a.createMatch(newMatch('m-keys', { code: 'KEYSK1', open: false, seatKeys: { armenia: { v: 1, hash: 'a1' }, azerbaijan: { v: 1, hash: 'b1' } } }));
      await s.a.createMatch(newMatch('m-keys-open', { code: 'KEYSK2', open: true, seatKeys: {} }));
      await s.a.setSeatKey('m-keys', 'armenia', { v: 2, hash: 'a2' });
      const row = (await s.b.findByCode('KEYSK1'))!;
      expect(row.open).toBe(false);
      expect(row.seatKeys).toEqual({ armenia: { v: 2, hash: 'a2' }, azerbaijan: { v: 1, hash: 'b1' } });
      expect((await s.b.readMatch('m-keys'))!.seatKeys).toEqual(row.seatKeys);
      const open = (await s.b.readMatch('m-keys-open'))!;
      expect(open.open).toBe(true);
      expect(open.seatKeys).toEqual({});
    });

    it('writes a turn whole: log, events, rounds, standing, chat, participants and the facilitator log', async () => {
      await s.a.createMatch(newMatch('m-turn'));
      await s.a.createSession({ id: 's-turn', name: 'class', scenario: 'august-2022', seed: 1, timers: newMatch('x').timers, limits: { maxPauses: 2, maxExtensionSeconds: 60 }, tokenHash: 'h', passphrase: null, createdAt: 1 });
      const clock = { paused: false, endsAt: Date.now() + 3_600_000, remaining: 0 };
      const rounds = [{ round: 1, escalation: 1 }, { round: 2, escalation: 2 }] as never[];
      const chat = [{ id: 1, channel: 'table', seat: 'armenia' as const, name: 'A', text: 'hello', at: 5 }];
      await s.a.write(
        turn('m-turn', null, 0, 3, {
          rounds,
          standing: { round: 2, phase: 'planning', ended: null, clock },
          chat,
          participants: [{ seat: 'armenia', name: 'A', at: 7 }],
          facilitatorLog: [{ sessionId: 's-turn', matchId: 'm-turn', at: 8, op: 'pause', detail: { via: 'room' }, ok: true, amount: 0 }],
        }),
      );
      const rec = (await s.b.readMatch('m-turn'))!;
      expect(rec.log.map((e) => e.seq)).toEqual([0, 1, 2]);
      expect(rec.log[2].entry).toEqual(entry(2));
      expect(rec.events.map((e) => e.entry)).toEqual([event(0), event(1), event(2)]);
      expect(rec.rounds).toEqual(rounds);
      expect(rec).toMatchObject({ round: 2, phase: 'planning', ended: null, clock });
      expect(rec.chat).toEqual(chat);
      expect(rec.participants).toEqual([{ seat: 'armenia', name: 'A', at: 7 }]);
      expect(await s.b.readLog('s-turn', 'm-turn')).toMatchObject([{ op: 'pause', ok: true, detail: { via: 'room' } }]);
      expect((await s.b.usage('s-turn')).get('m-turn')).toEqual({ pauses: 1, extensionSeconds: 0 });
      expect(await s.b.logLength('m-turn')).toBe(3);
    });

    it('takes a write of every shape, one after another (each shape its own prepared statement on PostgreSQL)', async () => {
      await s.a.createMatch(newMatch('m-shapes', { code: 'SHAPES' }));
      await s.a.createSession({ id: 's-shapes', name: 'class', scenario: 'august-2022', seed: 1, timers: newMatch('x').timers, limits: { maxPauses: 2, maxExtensionSeconds: 60 }, tokenHash: 'h', passphrase: null, createdAt: 1 });
      const n = { log: 0, events: 0, rounds: 0, chat: 0, joined: 0, lines: 0 };
      const clock = { paused: false, endsAt: Date.now() + 3_600_000, remaining: 0 };
      // Bits: cut, log, events, rounds, standing, chat, participants, facilitator log.
      for (let bits = 0; bits < 256; bits++) {
        const on = (b: number) => (bits & (1 << b)) !== 0;
        const w = emptyWrite('m-shapes', null, n.log, n.events);
        w.cut = on(0);
        if (on(1)) w.log.entries = [entry(n.log++)];
        if (on(2)) w.events.entries = [event(n.events++)];
        if (on(3)) w.rounds = [{ round: ++n.rounds }] as never[];
        if (on(4)) w.standing = { round: n.rounds, phase: 'planning', ended: null, clock };
        if (on(5)) w.chat = [{ id: n.chat++, channel: 'table', seat: 'armenia', name: 'A', text: `m${bits}`, at: bits }];
        if (on(6)) w.participants = [{ seat: 'armenia', name: `p${n.joined++}`, at: bits }];
        if (on(7)) w.facilitatorLog = [{ sessionId: 's-shapes', matchId: 'm-shapes', at: n.lines++, op: 'pause', detail: {}, ok: true, amount: 0 }];
        await s.a.write(w);
      }
      const rec = (await s.b.readMatch('m-shapes'))!;
      expect(rec.log.map((e) => e.seq)).toEqual(Array.from({ length: n.log }, (_, i) => i));
      expect(rec.events).toHaveLength(n.events);
      expect(rec.rounds.map((r) => (r as unknown as { round: number }).round)).toEqual(Array.from({ length: n.rounds }, (_, i) => i + 1));
      expect(rec.chat.map((m) => m.id)).toEqual(Array.from({ length: n.chat }, (_, i) => i));
      expect(rec.participants).toHaveLength(n.joined);
      expect(await s.b.readLog('s-shapes', 'm-shapes')).toHaveLength(n.lines);
      expect(rec.round).toBe(n.rounds);
    });

    it('is idempotent, and a write cuts whatever lies past its end (no gap, nothing extra)', async () => {
      await s.a.createMatch(newMatch('m-cut'));
      const w = turn('m-cut', null, 0, 4, { rounds: [{ round: 1 }, { round: 2 }] as never[] });
      await s.a.write(w);
      await s.a.write(w);
      expect((await s.a.readMatch('m-cut'))!.log.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
      // A lost turn had written entries 2–3 (a commit whose answer never came); the room wrote 2 again.
      await s.a.write(turn('m-cut', null, 2, 1, { rounds: [{ round: 1, again: true }] as never[] }));
      const rec = (await s.a.readMatch('m-cut'))!;
      expect(rec.log.map((e) => e.entry)).toEqual([entry(0), entry(1), entry(2)]);
      expect(rec.events.length).toBe(3);
      expect(rec.rounds).toEqual([{ round: 1, again: true }]);
    });

    it('reads a record back as its turns wrote it: repeats, a lost turn cut, rounds rewritten, chat kept once', async () => {
      const ops = fc.array(
        fc.oneof(
          fc.record({ op: fc.constant('turn' as const), log: fc.nat(3), events: fc.nat(3), chat: fc.nat(2), round: fc.boolean() }),
          fc.record({ op: fc.constant('repeat' as const) }),
          fc.record({ op: fc.constant('lost' as const), log: fc.integer({ min: 1, max: 3 }) }),
        ),
        { minLength: 1, maxLength: 12 },
      );
      let run = 0;
      await fc.assert(
        fc.asyncProperty(ops, async (list) => {
          const id = `m-prop-${run++}`;
          await s.a.createMatch(newMatch(id, { code: `P${String(run).padStart(5, '0')}` }));
          // What the room means the record to be: plain arrays, written the way the contract says.
          const log: unknown[] = [];
          const events: unknown[] = [];
          const rounds: { round: number; v: number }[] = [];
          const chat: { id: number; channel: string; seat: 'armenia'; name: string; text: string; at: number }[] = [];
          let last: MatchWrite | null = null;
          let v = 0;
          for (const o of list) {
            if (o.op === 'repeat') {
              if (last) await s.a.write(last);
              continue;
            }
            if (o.op === 'lost') {
              // A commit whose answer never came kept entries the room then wrote again, cut.
              await s.a.write(turn(id, null, log.length, o.log, { events: { from: events.length, entries: [event(800 + v)] }, cut: false }));
              const again = turn(id, null, log.length, 1, { events: { from: events.length, entries: [event(900 + v)] }, cut: true });
              log.push(...again.log.entries);
              events.push(...again.events.entries);
              await s.a.write((last = again));
              continue;
            }
            const w = turn(id, null, log.length, o.log, { events: { from: events.length, entries: Array.from({ length: o.events }, (_, i) => event(100 + v * 4 + i)) }, cut: false });
            if (o.round) {
              // A new round, the last one rewritten (the match ended mid-round), or one before it (what lay past it is cut).
              const r = { round: Math.max(1, rounds.length + 1 - (v % 3)), v };
              rounds.splice(r.round - 1, rounds.length, r);
              w.rounds = [r as never];
            }
            w.chat = Array.from({ length: o.chat }, (_, i) => ({ id: chat.length + 1 + i, channel: 'table', seat: 'armenia' as const, name: 'A', text: `m${v}`, at: v }));
            chat.push(...w.chat.map((c) => ({ ...c, seat: 'armenia' as const })));
            log.push(...w.log.entries);
            events.push(...w.events.entries);
            await s.a.write((last = w));
            v++;
          }
          const rec = (await s.b.readMatch(id))!;
          expect(rec.log.map((e) => e.entry)).toEqual(log);
          expect(rec.log.map((e) => e.seq)).toEqual(log.map((_, i) => i));
          expect(rec.events.map((e) => e.entry)).toEqual(events);
          expect(rec.rounds).toEqual(rounds);
          expect(rec.chat).toEqual(chat);
          expect(await s.b.logLength(id)).toBe(log.length);
        }),
        { numRuns: 25 },
      );
    }, 60_000);

    it('commits many rooms at once; a write that fails alone is refused without the others', async () => {
      const ids = Array.from({ length: 60 }, (_, i) => `m-batch-${i}`);
      for (const id of ids) await s.a.createMatch(newMatch(id, { code: `B${String(ids.indexOf(id)).padStart(5, '0')}` }));
      const results = await Promise.allSettled([...ids.map((id) => s.a.write(turn(id, null, 0, 2))), s.a.write(turn('m-nowhere', null, 0, 1))]);
      expect(results.slice(0, -1).every((r) => r.status === 'fulfilled')).toBe(true);
      expect(results.at(-1)!.status).toBe('rejected');
      for (const id of ids) expect(await s.b.logLength(id)).toBe(2);
    });

    it('gives a match to one process at a time, fences the other, and lets it go after a lease', async () => {
      await s.a.createMatch(newMatch('m-lease'));
      expect(await s.a.claim('m-lease', 'A', 400)).toBe(true);
      expect(await s.a.claim('m-lease', 'A', 400)).toBe(true);
      expect(await s.b.claim('m-lease', 'B', 400)).toBe(false);
      await s.a.write(turn('m-lease', 'A', 0, 1));
      await expect(s.b.write(turn('m-lease', 'B', 1, 1))).rejects.toBeInstanceOf(NotOwner);
      expect(await s.a.logLength('m-lease')).toBe(1);
      // A renews while it lives; once it stops, B may take the match.
      await new Promise((r) => setTimeout(r, 250));
      await s.a.renewOwner('A', 400);
      await new Promise((r) => setTimeout(r, 250));
      expect(await s.b.claim('m-lease', 'B', 400)).toBe(false);
      await new Promise((r) => setTimeout(r, 300));
      expect(await s.b.claim('m-lease', 'B', 400)).toBe(true);
      await expect(s.a.write(turn('m-lease', 'A', 1, 1))).rejects.toBeInstanceOf(NotOwner);
      await s.b.release('m-lease', 'B');
      expect(await s.a.claim('m-lease', 'A', 400)).toBe(true);
    });

    it("keeps every match of a live process with its one heartbeat, and frees them all, due ones to the waker, once it stops", async () => {
      const now = Date.now();
      const ids = Array.from({ length: 40 }, (_, i) => `m-hb-${i}`);
      for (const [i, id] of ids.entries()) {
        await s.a.createMatch(newMatch(id, { code: `H${String(i).padStart(5, '0')}` }));
        expect(await s.a.claim(id, 'A', 400)).toBe(true);
        // Half of them fell due: the waker of another process must leave them to A while A lives.
        if (i % 2) await s.a.write({ ...emptyWrite(id, 'A'), standing: { round: 1, phase: 'news', ended: null, clock: { paused: false, endsAt: now - 1000, remaining: 0 } } });
      }
      for (let beat = 0; beat < 3; beat++) {
        await new Promise((r) => setTimeout(r, 250));
        await s.a.renewOwner('A', 400);
      }
      // 750 ms after the claims, past their 400 ms: the heartbeat alone kept them.
      expect(await s.b.claimDue('B', Date.now(), 5000, 100)).toEqual([]);
      for (const id of ids.slice(0, 5)) expect(await s.b.claim(id, 'B', 400)).toBe(false);
      await new Promise((r) => setTimeout(r, 450));
      const due = ids.filter((_, i) => i % 2);
      expect((await s.b.claimDue('B', Date.now(), 5000, 100)).sort()).toEqual([...due].sort());
      for (const id of ids.filter((_, i) => !(i % 2))) expect(await s.b.claim(id, 'B', 5000)).toBe(true);
      // A's heartbeat again, too late: what B took stays B's, and A's writes to it are fenced.
      await s.a.renewOwner('A', 400);
      expect(await s.a.claim(ids[0], 'A', 400)).toBe(false);
      await expect(s.a.write(turn(ids[0], 'A', 0, 1))).rejects.toBeInstanceOf(NotOwner);
    });

    it('claims each due match for one process only', async () => {
      const now = Date.now();
      const due = Array.from({ length: 30 }, (_, i) => `m-due-${i}`);
      for (const [i, id] of due.entries()) {
        await s.a.createMatch(newMatch(id, { code: `D${String(i).padStart(5, '0')}` }));
        await s.a.write({ ...emptyWrite(id, null), standing: { round: 1, phase: 'news', ended: null, clock: { paused: false, endsAt: now - 1000, remaining: 0 } } });
      }
      await s.a.createMatch(newMatch('m-later', { code: 'LATER2' }));
      await s.a.write({ ...emptyWrite('m-later', null), standing: { round: 1, phase: 'news', ended: null, clock: { paused: false, endsAt: now + 60_000, remaining: 0 } } });
      await s.a.createMatch(newMatch('m-paused', { code: 'PAUSE2' }));
      await s.a.write({ ...emptyWrite('m-paused', null), standing: { round: 1, phase: 'news', ended: null, clock: { paused: true, endsAt: 0, remaining: 5000 } } });
      const [x, y] = await Promise.all([s.a.claimDue('A', now, 5000, 100), s.b.claimDue('B', now, 5000, 100)]);
      expect([...x, ...y].sort()).toEqual([...due].sort());
      expect(x.filter((id) => y.includes(id))).toEqual([]);
      expect(await s.a.claimDue('A', now, 5000, 100)).toEqual([]);
    });

    it('keeps class sessions, their rooms, the facilitator log and uploaded scenarios', async () => {
      const session = { id: 's-1', name: 'class', scenario: 'august-2022', seed: 3_000_000_000, timers: newMatch('x').timers, limits: { maxPauses: 3, maxExtensionSeconds: 90 }, tokenHash: 'h', passphrase: '{"v":1}', createdAt: 9 };
      await s.a.createSession(session);
      expect(await s.b.readSession('s-1')).toEqual(session);
      expect(await s.b.readSession('s-none')).toBeNull();
      await s.a.addRoom({ sessionId: 's-1', matchId: 'm-r2', code: 'RRRRR2', position: 1, label: 'Room 2', forkOf: { matchId: 'm-r1', round: 2, logLength: 40 }, createdAt: 2 });
      await s.a.addRoom({ sessionId: 's-1', matchId: 'm-r1', code: 'RRRRR1', position: 0, label: 'Room 1', forkOf: null, createdAt: 1 });
      expect((await s.b.rooms('s-1')).map((r) => r.label)).toEqual(['Room 1', 'Room 2']);
      expect((await s.b.roomOf('m-r2'))?.forkOf).toEqual({ matchId: 'm-r1', round: 2, logLength: 40 });
      const first = await s.a.log({ sessionId: 's-1', matchId: 'm-r1', at: 1, op: 'extend', detail: { seconds: 30 }, ok: true, amount: 30 });
      await s.a.log({ sessionId: 's-1', matchId: 'm-r1', at: 2, op: 'pause', detail: {}, ok: false, reason: 'limit' });
      await s.a.log({ sessionId: 's-1', matchId: null, at: 3, op: 'create', detail: {}, ok: true });
      expect(first.id).toBeGreaterThan(0);
      expect((await s.b.readLog('s-1')).map((l) => l.op)).toEqual(['extend', 'pause', 'create']);
      expect((await s.b.readLog('s-1', 'm-r1'))[1]).toMatchObject({ ok: false, reason: 'limit' });
      expect((await s.b.usage('s-1')).get('m-r1')).toEqual({ pauses: 0, extensionSeconds: 30 });
      await s.a.saveScenario({ id: 'sc-u1', originalId: 'sc', body: '{"id":"sc-u1"}', createdAt: 4, sessionId: null });
      expect(await s.b.readScenario('sc-u1')).toEqual({ id: 'sc-u1', originalId: 'sc', body: '{"id":"sc-u1"}', createdAt: 4, sessionId: null });
      // An upload no session took is dropped after a while; the one a session took stays.
      await s.a.saveScenario({ id: 'sc-u2', originalId: 'sc', body: '{"id":"sc-u2"}', createdAt: 5, sessionId: null });
      await s.a.saveScenario({ id: 'sc-u3', originalId: 'sc', body: '{"id":"sc-u3-late"}', createdAt: 50, sessionId: null });
      await s.a.claimScenario('sc-u1', 's-1');
      await s.a.claimScenario('sc-u1', 's-other');
      expect((await s.b.readScenario('sc-u1'))?.sessionId).toBe('s-1');
      expect(await s.b.unclaimedScenarioBytes()).toBe('{"id":"sc-u2"}'.length + '{"id":"sc-u3-late"}'.length);
      expect(await s.b.dropUnclaimedScenarios(10)).toEqual(['sc-u2']);
      expect(await s.b.readScenario('sc-u2')).toBeNull();
      expect(await s.a.readScenario('sc-u1')).not.toBeNull();
      expect(await s.b.unclaimedScenarioBytes()).toBe('{"id":"sc-u3-late"}'.length);
    });

    it('refuses a write it cannot keep (the database locked past the retry window), keeps nothing of it, and takes the next', async () => {
      await s.a.createMatch(newMatch('m-locked', { code: 'LOCKD2' }));
      await s.a.write(turn('m-locked', null, 0, 1));
      const unlock = await s.lock();
      const t0 = Date.now();
      await expect(s.a.write(turn('m-locked', null, 1, 1))).rejects.toBeInstanceOf(StoreUnavailable);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(retry.retryForMs - 50);
      await unlock();
      expect(await s.a.logLength('m-locked')).toBe(1);
      await s.a.write(turn('m-locked', null, 1, 2));
      expect((await s.a.readMatch('m-locked'))!.log.map((e) => e.seq)).toEqual([0, 1, 2]);
    });
  });
}

describe('the SQLite store on a database made before its schema was numbered', () => {
  it('brings it up to date and keeps what it held', async () => {
    const path = join(dir, 'old.db');
    const old = new DatabaseSync(path);
    old.exec(`CREATE TABLE matches (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, scenario TEXT NOT NULL, name TEXT NOT NULL,
      seed INTEGER NOT NULL, seats TEXT NOT NULL, timers TEXT NOT NULL, token_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL, round INTEGER NOT NULL DEFAULT 1, phase TEXT NOT NULL DEFAULT 'news', ended TEXT, clock TEXT)`);
    old.exec(`CREATE TABLE log (match_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (match_id, seq)) WITHOUT ROWID`);
    const m = newMatch('m-old');
    old.prepare(`INSERT INTO matches (id, code, scenario, name, seed, seats, timers, token_hash, created_at, clock) VALUES (?,?,?,?,?,?,?,?,?,?)`).run(
      m.id, m.code, m.scenario, m.name, m.seed, JSON.stringify(m.seats), JSON.stringify(m.timers), m.tokenHash, m.createdAt, JSON.stringify({ paused: false, endsAt: 1000, remaining: 0 }),
    );
    old.exec(`CREATE TABLE events (match_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER NOT NULL, event TEXT NOT NULL, PRIMARY KEY (match_id, seq)) WITHOUT ROWID;
      CREATE TABLE rounds (match_id TEXT NOT NULL, round INTEGER NOT NULL, meters TEXT NOT NULL, PRIMARY KEY (match_id, round)) WITHOUT ROWID;
      CREATE TABLE chat (match_id TEXT NOT NULL, id INTEGER NOT NULL, channel TEXT NOT NULL, seat TEXT NOT NULL,
        name TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (match_id, id)) WITHOUT ROWID;`);
    old.prepare(`INSERT INTO log VALUES (?,?,?,?)`).run('m-old', 0, 1, JSON.stringify(entry(0)));
    old.prepare(`INSERT INTO log VALUES (?,?,?,?)`).run('m-old', 1, 2, JSON.stringify(entry(1)));
    old.prepare(`INSERT INTO events VALUES (?,?,?,?)`).run('m-old', 0, 3, JSON.stringify(event(0)));
    old.prepare(`INSERT INTO rounds VALUES (?,?,?)`).run('m-old', 1, JSON.stringify({ round: 1, escalation: 2 }));
    old.prepare(`INSERT INTO chat VALUES (?,?,?,?,?,?,?)`).run('m-old', 1, 'table', 'armenia', 'A', 'hello', 4);
    old.close();
    const store = openStore({ path });
    await store.ready;
    // The log, events, rounds and chat of then, moved into the journal (each entry with its time).
    const rec = (await store.readMatch('m-old'))!;
    expect(rec.log).toEqual([{ seq: 0, at: 1, entry: entry(0) }, { seq: 1, at: 2, entry: entry(1) }]);
    expect(rec.events).toEqual([{ seq: 0, at: 3, entry: event(0) }]);
    expect(rec.rounds).toEqual([{ round: 1, escalation: 2 }]);
    expect(rec.chat).toEqual([{ id: 1, channel: 'table', seat: 'armenia', name: 'A', text: 'hello', at: 4 }]);
    expect(await store.logLength('m-old')).toBe(2);
    await store.write(turn('m-old', null, 2, 1));
    expect((await store.readMatch('m-old'))!.log.map((e) => e.seq)).toEqual([0, 1, 2]);
    // Made before seat keys: none, and its seats open.
    expect(await store.readMatch('m-old')).toMatchObject({ open: true, seatKeys: {} });
    expect(await store.claimDue('A', Date.now(), 1000, 10)).toEqual(['m-old']);
    await store.close();
  });
});

describe('the PostgreSQL store on a database of schema 3 (a table for each of log, events, rounds and chat)', () => {
  it('moves what the four tables held into the journal and reads it back as it was', async () => {
    const url = await freshDatabase(postgres.url);
    const old = new pg.Client({ connectionString: url });
    await old.connect();
    try {
      await old.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      for (const [i, sql] of MIGRATIONS.slice(0, 3).entries()) {
        await old.query(sql);
        await old.query('INSERT INTO schema_migrations VALUES ($1, 0)', [i + 1]);
      }
      const m = newMatch('m-old');
      await old.query(`INSERT INTO matches (id, code, scenario, name, seed, seats, timers, token_hash, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, [
        m.id, m.code, m.scenario, m.name, m.seed, JSON.stringify(m.seats), JSON.stringify(m.timers), m.tokenHash, m.createdAt,
      ]);
      for (const [seq, at] of [[1, 20], [0, 10]]) await old.query('INSERT INTO log VALUES ($1,$2,$3,$4)', ['m-old', seq, at, JSON.stringify(entry(seq))]);
      await old.query('INSERT INTO events VALUES ($1,$2,$3,$4)', ['m-old', 0, 30, JSON.stringify(event(0))]);
      for (const round of [2, 1]) await old.query('INSERT INTO rounds VALUES ($1,$2,$3)', ['m-old', round, JSON.stringify({ round, escalation: round })]);
      await old.query('INSERT INTO chat VALUES ($1,$2,$3,$4,$5,$6,$7)', ['m-old', 1, 'table', 'armenia', 'A', 'hello "there"', 40]);
      await old.query('INSERT INTO chat VALUES ($1,$2,$3,$4,$5,$6,$7)', ['m-old', 0, 'table', 'azerbaijan', 'B', 'first', 35]);
      // Another match's rows stay its own.
      await old.query(`INSERT INTO log VALUES ('m-other', 0, 5, $1)`, [JSON.stringify(entry(9))]);
    } finally {
      await old.end();
    }
    const store = openStore({ path: '', databaseUrl: url, retry });
    await store.ready;
    const rec = (await store.readMatch('m-old'))!;
    expect(rec.log).toEqual([{ seq: 0, at: 10, entry: entry(0) }, { seq: 1, at: 20, entry: entry(1) }]);
    expect(rec.events).toEqual([{ seq: 0, at: 30, entry: event(0) }]);
    expect(rec.rounds).toEqual([{ round: 1, escalation: 1 }, { round: 2, escalation: 2 }]);
    expect(rec.chat).toEqual([
      { id: 0, channel: 'table', seat: 'azerbaijan', name: 'B', text: 'first', at: 35 },
      { id: 1, channel: 'table', seat: 'armenia', name: 'A', text: 'hello "there"', at: 40 },
    ]);
    expect(await store.logLength('m-old')).toBe(2);
    expect(await store.logLength('m-other')).toBe(1);
    // The next write follows the moved rows, and a cut still cuts them.
    await store.write(turn('m-old', null, 1, 1));
    expect((await store.readMatch('m-old'))!.log.map((e) => [e.seq, e.at > 20])).toEqual([[0, false], [1, true]]);
    await store.close();
  });
});

describe("the PostgreSQL store's journal", () => {
  it('keeps both of two writes of one match made at the same moment by two unchecked writers (the second follows the first)', async () => {
    const url = await freshDatabase(postgres.url);
    const a = openStore({ path: '', databaseUrl: url, retry: { retryForMs: 2000, firstPauseMs: 5 } });
    const b = openStore({ path: '', databaseUrl: url, retry: { retryForMs: 2000, firstPauseMs: 5 } });
    await Promise.all([a.ready, b.ready]);
    await a.createMatch(newMatch('m-race'));
    const say = (id: number) => ({ ...emptyWrite('m-race', null), cut: false, chat: [{ id, channel: 'table', seat: 'armenia' as const, name: 'A', text: `m${id}`, at: id }] });
    for (let i = 0; i < 30; i += 2) await Promise.all([a.write(say(i)), b.write(say(i + 1))]);
    expect((await a.readMatch('m-race'))!.chat.map((m) => m.id)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    await Promise.all([a.close(), b.close()]);
  });
});

describe("the PostgreSQL store's batches", () => {
  // One batch in flight, not four: bigger batches pay a statement's fixed cost less often
  // (bench:scale, server/store/writeQueue.ts).
  it('commits one batch at a time: the turns made while one commits go together in the next', async () => {
    const url = await freshDatabase(postgres.url);
    const s = openStore({ path: '', databaseUrl: url, retry });
    await s.ready;
    const ids = Array.from({ length: 40 }, (_, i) => `m-batch-${String(i).padStart(2, '0')}`);
    for (const id of ids) await s.createMatch(newMatch(id, { code: `B${id.slice(-2)}XYZ` }));
    // The store's own commit, slowed a little and watched.
    const store = s as unknown as { commit(w: MatchWrite[]): Promise<unknown> };
    const commit = store.commit.bind(s);
    const sizes: number[] = [];
    let running = 0;
    let mostAtOnce = 0;
    store.commit = async (writes) => {
      sizes.push(writes.length);
      mostAtOnce = Math.max(mostAtOnce, ++running);
      await new Promise((r) => setTimeout(r, 40));
      try {
        return await commit(writes);
      } finally {
        running--;
      }
    };
    const turn = (k: number) => Promise.all(ids.slice(k * 10, k * 10 + 10).map((id) => s.write({ ...emptyWrite(id, null), cut: false, chat: [{ id: 0, channel: 'table', seat: 'armenia' as const, name: 'A', text: id, at: 1 }] })));
    const turns = [turn(0), ...[1, 2, 3].map((k) => new Promise((r) => setTimeout(r, 5 * k)).then(() => turn(k)))];
    await Promise.all(turns);
    expect(mostAtOnce).toBe(1);
    expect(sizes).toEqual([10, 30]);
    for (const id of ids) expect((await s.readMatch(id))!.chat.map((m) => m.text)).toEqual([id]);
    await s.close();
  });

  // Spaced batches gather the turns of a few milliseconds (BATCH_GAP_MS; bench:scale).
  it('starts its batches at least the gap apart, the turns made meanwhile together; with no gap each turn goes alone', async () => {
    const url = await freshDatabase(postgres.url);
    const ids = Array.from({ length: 30 }, (_, i) => `m-gap-${String(i).padStart(2, '0')}`);
    const setup = openStore({ path: '', databaseUrl: url, retry });
    await setup.ready;
    for (const id of ids) await setup.createMatch(newMatch(id, { code: `G${id.slice(-2)}XYZ` }));
    await setup.close();
    const play = async (batchGapMs: number) => {
      const s = openStore({ path: '', databaseUrl: url, retry, batchGapMs });
      await s.ready;
      const store = s as unknown as { commit(w: MatchWrite[]): Promise<unknown> };
      const commit = store.commit.bind(s);
      const starts: { at: number; size: number }[] = [];
      store.commit = (writes) => (starts.push({ at: performance.now(), size: writes.length }), commit(writes));
      const turn = (k: number) => Promise.all(ids.slice(k * 10, k * 10 + 10).map((id) => s.write({ ...emptyWrite(id, null), cut: false, chat: [{ id: batchGapMs ? 1 : 2, channel: 'table', seat: 'armenia' as const, name: 'A', text: id, at: 1 }] })));
      // Three turns 25 ms apart: more than a commit takes here, less than the gap of 200 ms.
      await Promise.all([turn(0), ...[1, 2].map((k) => new Promise((r) => setTimeout(r, 25 * k)).then(() => turn(k)))]);
      await s.close();
      return starts;
    };
    const spaced = await play(200);
    expect(spaced.map((b) => b.size)).toEqual([10, 20]);
    expect(spaced[1].at - spaced[0].at).toBeGreaterThanOrEqual(199);
    const unspaced = await play(0);
    expect(unspaced.map((b) => b.size)).toEqual([10, 10, 10]);
    const check = openStore({ path: '', databaseUrl: url, retry });
    for (const id of ids) expect((await check.readMatch(id))!.chat.map((m) => m.id)).toEqual([1, 2]);
    await check.close();
  });
});

describe("the PostgreSQL store's batch statements", () => {
  it('names each set of parts apart within the 63 bytes PostgreSQL keeps of a name, and numbers its parameters without a gap', () => {
    const names = new Set<string>();
    for (let bits = 0; bits < 1 << PART_NAMES.length; bits++) {
      const { name, text } = batchStatement(PART_NAMES.filter((_, i) => bits & (1 << i)));
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
      names.add(name);
      const used = new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      expect([...used].sort((x, y) => x - y)).toEqual(Array.from({ length: used.size }, (_, i) => i + 1));
    }
    expect(names.size).toBe(1 << PART_NAMES.length);
  });
});

describe("the PostgreSQL store's heartbeat", () => {
  // A lease a match, renewed every 1.7 s, locked each of a process's rows in turn, and each batch
  // of that process waited behind it (bench:scale's p95 and p99; leases switched off gave p95
  // 19.7 against 25.0 ms). The heartbeat is one row of its own: it waits on no match.
  it("keeps a process's matches with one row, without waiting for a batch that holds them all", async () => {
    const url = await freshDatabase(postgres.url);
    const a = openStore({ path: '', databaseUrl: url, retry });
    const b = openStore({ path: '', databaseUrl: url, retry });
    await Promise.all([a.ready, b.ready]);
    const ids = Array.from({ length: 60 }, (_, i) => `m-hb-${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      await a.createMatch(newMatch(id, { code: `Q${id.slice(-3)}XY` }));
      expect(await a.claim(id, 'A', 1500)).toBe(true);
    }
    const batch = new pg.Client({ connectionString: url });
    await batch.connect();
    try {
      // Another writer holds every one of A's matches, as a long batch would.
      await batch.query('BEGIN');
      await batch.query('SELECT id FROM matches WHERE id = ANY($1) ORDER BY id FOR UPDATE', [ids]);
      // Renewed while they are held (per-match leases waited here until statement_timeout).
      const renewed = await a.renewOwner('A', 60_000).then(() => 'renewed', (e: Error) => e.message);
      await batch.query('COMMIT');
      expect(renewed).toBe('renewed');
      const { rows } = await batch.query('SELECT owner, until FROM owners');
      expect(rows).toHaveLength(1);
      expect(rows[0].owner).toBe('A');
      // Past the claims' 1.5 s, the renewal still holds them for A.
      await new Promise((r) => setTimeout(r, 1700));
      for (const id of [ids[0], ids[59]]) expect(await b.claim(id, 'B', 1000)).toBe(false);
    } finally {
      await batch.end();
      await a.close();
      await b.close();
    }
  });
});
