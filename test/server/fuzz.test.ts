// 1,000+ random and hostile messages: the room survives, answers each one, and a refused
// message changes nothing (neither the match nor the synced state nor the store).
import { matchMaker } from '@colyseus/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createMatch, Player, startServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer({ floodLimit: 1_000_000 });
});
afterAll(async () => {
  await t?.stop();
});

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const TYPES = ['action', 'chat', 'control', 'sync', 'Action', '', 'view', 'accepted', '__proto__', 'constructor', 'x'.repeat(100)];
const ACTION_TYPES = ['plan', 'issueDemand', 'respond', 'chooseEscalation', 'propose', 'sign', 'withdrawProposal', 'useInstrument', 'injectEvent', 'setSeat', 'endMatch', 'toString', '__proto__'];
const deep = (n: number): unknown => (n === 0 ? 1 : [deep(n - 1)]);

/** Hand-made hostile payloads: right shape, wrong content; wrong seat; oversized; odd values. */
function hostile(rand: () => number): [string, unknown][] {
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  return [
    ['action', { type: 'plan', procure: [{ item: 'arm-srbm', qty: 1e9 }], reform: 0, diplomacy: 0, prepareEscalation: null }],
    ['action', { type: 'plan', procure: [{ item: '../../etc/passwd', qty: 1 }], reform: -5, diplomacy: NaN, prepareEscalation: null }],
    ['action', { type: 'plan', procure: [], reform: 1e6, diplomacy: 0, prepareEscalation: 'nowhere' }],
    ['action', { type: 'issueDemand', demand: 'lachin-handover', deadline: -1 }],
    ['action', { type: 'issueDemand', demand: null, deadline: 0 }],
    ['action', { type: 'issueDemand', demand: 'status-talks', deadline: 9 }],
    ['action', { type: 'respond', demand: 'd999', answer: 'accept' }],
    ['action', { type: 'respond', demand: 'd1', answer: 'maybe' }],
    ['action', { type: 'sign', proposal: 'p1', extra: true }],
    ['action', { type: 'propose', clauses: Array(13).fill('detainees') }],
    ['action', { type: 'propose', clauses: ['detainees', 'detainees', 'no-claims'] }],
    ['action', { type: 'useInstrument', instrument: 'summit-moscow' }],
    ['action', { type: 'endMatch' }],
    ['action', { type: 'setSeat', seat: 'armenia', controller: 'bot' }],
    ['action', { type: 'injectEvent', custom: { headline: { en: 'x' }, text: { en: 'y' }, effects: {} } }],
    ['action', { type: pick(ACTION_TYPES), constructor: { prototype: { polluted: 1 } } }],
    ['action', JSON.parse('{"type":"done","__proto__":{"polluted":1}}')],
    ['action', { type: 'chooseEscalation', demand: 'd1', escalate: 'yes' }],
    ['action', { type: 'done', ref: { nested: 'ref' } }],
    ['action', [1, 2, 3]],
    ['action', 'done'],
    ['action', null],
    ['action', deep(100)],
    ['action', { type: 'plan', blob: 'x'.repeat(9000) }],
    ['action', { type: 'plan', blob: 'x'.repeat(60_000) }],
    ['chat', { channel: 'table', text: 'x'.repeat(2001) }],
    ['chat', { channel: 'table', text: '   ' }],
    ['chat', { channel: 'azerbaijan-eu', text: 'not mine' }],
    ['chat', { channel: 'armenia-turkey', text: 'no such' }],
    ['chat', { channel: 'table', text: 42 }],
    ['chat', { channel: 'table' }],
    ['control', { op: 'end' }],
    ['control', { op: 'advance' }],
    ['control', { op: 'rewind' }],
    ['control', { op: 'extend', seconds: 1e12 }],
    ['sync', { ref: 1, extra: 2 }],
    [pick(TYPES), {}],
  ];
}

describe('fuzz', () => {
  it(`survives ≥1,000 random and hostile messages (seed ${SEED})`, async () => {
    const m = await createMatch(t.url, { seed: 3, timers: { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 } });
    const clients = [
      await Player.join(t, m.code, 'armenia', 'A'),
      await Player.join(t, m.code, 'azerbaijan', 'B'),
      await Player.join(t, m.code, 'russia', 'C'),
      await Player.join(t, m.code, 'spectator', 'D'),
    ];
    const room = matchMaker.getLocalRoomById(m.matchId) as any;
    expect(room).toBeTruthy();

    let s = SEED;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const anything = fc.sample(fc.anything({ maxDepth: 4, withNullPrototype: true, withBoxedValues: false }), { seed: SEED, numRuns: 500 });
    const messages: [string, unknown][] = [];
    for (let i = 0; i < 1100; i++) {
      const r = rand();
      if (r < 0.45) messages.push([TYPES[Math.floor(rand() * TYPES.length)], anything[i % anything.length]]);
      else if (r < 0.55) messages.push(['action', { type: ACTION_TYPES[Math.floor(rand() * ACTION_TYPES.length)], ...(anything[(i * 7) % anything.length] as object) }]);
      else {
        const h = hostile(rand);
        messages.push(h[Math.floor(rand() * h.length)]);
      }
    }

    const replies = (p: Player) => p.messages.filter((x) => x.type === 'accepted' || x.type === 'refused');
    let refused = 0;
    let accepted = 0;
    for (const [i, [type, payload]] of messages.entries()) {
      const p = clients[Math.floor(rand() * clients.length)];
      const before = { match: room.match, state: JSON.stringify(room.state.toJSON()) };
      const n = replies(p).length;
      p.room.send(type, payload as any);
      await p.until(() => replies(p).length > n, 3000, `reply to #${i} ${type}`);
      const reply = replies(p)[n];
      if (reply.type === 'refused') {
        refused++;
        expect(typeof reply.payload.code).toBe('string');
        expect(reply.payload.code, `#${i} crashed a handler`).not.toBe('internal');
        expect(room.match, `#${i} ${type} ${reply.payload.code} changed the match`).toBe(before.match);
        expect(JSON.stringify(room.state.toJSON()), `#${i} changed the state`).toBe(before.state);
      } else accepted++;
    }
    // Raw bytes have no handler: the room shrugs, the client stays.
    for (const p of clients) p.room.sendBytes('action', new Uint8Array([0xc1, 0xff, 0x00]));

    expect(refused + accepted).toBeGreaterThanOrEqual(1000);
    expect(refused).toBeGreaterThan(900);
    expect(({} as any).polluted).toBeUndefined();
    // Still running, still answering, store in step with the room.
    expect(matchMaker.getLocalRoomById(m.matchId)).toBe(room);
    for (const p of clients) {
      const r = await p.send('sync');
      expect(r, JSON.stringify(r)).toMatchObject({ kind: 'accepted' });
    }
    expect((await clients[0].send('chat', { channel: 'table', text: 'still here' })).kind).toBe('accepted');
    expect((await api(t.url, '/api/health')).body.ok).toBe(true);
    expect((await t.parity.store.readMatch(m.matchId))!.log.length).toBe(room.match.log.length);
    console.log(`fuzz seed ${SEED}: ${accepted} accepted, ${refused} refused`);
  });
});
