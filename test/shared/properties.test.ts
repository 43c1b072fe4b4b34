// Invariants over random play: random seeds, bot moves, random (often illegal) actions, phase advances.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advancePhase, applyAction, replay, viewFor, type Match, type Seat } from '../../shared/engine/index.js';
import { botActions } from '../../shared/bots/index.js';
import { COMPONENTS, PARTIES } from '../../shared/scenario/schema.js';
import { newMatch, scenario, strip } from './helpers.js';

const seats: Seat[] = ['armenia', 'azerbaijan', 'russia', 'eu', 'facilitator', 'spectator'];
const ids = {
  item: fc.constantFrom(...scenario.procurement.map((p) => p.id), 'bogus'),
  demand: fc.constantFrom(...scenario.demands.map((d) => d.id), 'bogus'),
  clause: fc.constantFrom(...scenario.clauses.map((c) => c.id), 'bogus'),
  region: fc.constantFrom(...scenario.regions.map((r) => r.id), 'bogus'),
  instrument: fc.constantFrom(...scenario.instruments.map((i) => i.id), 'bogus'),
  ref: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'p1', 'p2', 'p3', 'p5', 'x'),
};

const anyAction = fc.oneof(
  fc.record({ type: fc.constant('plan'), procure: fc.array(fc.record({ item: ids.item, qty: fc.integer({ min: 0, max: 11 }) }), { maxLength: 4 }), reform: fc.integer({ min: -1, max: 12 }), diplomacy: fc.integer({ min: 0, max: 12 }), prepareEscalation: fc.option(ids.region) }),
  fc.record({ type: fc.constant('issueDemand'), demand: fc.option(ids.demand), deadline: fc.integer({ min: -1, max: 4 }) }),
  fc.record({ type: fc.constant('respond'), demand: ids.ref, answer: fc.constantFrom('accept', 'refuse', 'counter', 'maybe') }),
  fc.record({ type: fc.constant('chooseEscalation'), demand: ids.ref, escalate: fc.boolean(), region: ids.region }),
  fc.record({ type: fc.constant('propose'), clauses: fc.uniqueArray(ids.clause, { maxLength: 6 }) }),
  fc.record({ type: fc.constant('sign'), proposal: ids.ref }),
  fc.record({ type: fc.constant('useInstrument'), instrument: ids.instrument }),
  fc.record({ type: fc.constant('injectEvent'), event: fc.constantFrom(...scenario.events.map((e) => e.id), 'bogus') }),
  fc.constant({ type: 'done' }),
  fc.anything(),
);

const move = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'advance' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('bot' as const), seat: fc.constantFrom('armenia', 'azerbaijan', 'russia', 'eu') as fc.Arbitrary<'armenia'> }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('random' as const), seat: fc.constantFrom(...seats), action: anyAction }) },
);

type Move = { kind: 'advance' } | { kind: 'bot'; seat: 'armenia' } | { kind: 'random'; seat: Seat; action: unknown };

/** Play the moves, checking at each step that a refusal changed nothing. */
function play(seed: number, moves: Move[]): Match {
  let m = newMatch(seed);
  for (const mv of moves) {
    if (mv.kind === 'advance') m = advancePhase(m).match;
    else {
      const actions = mv.kind === 'bot' ? botActions(m, mv.seat) : [mv.action];
      const seat = mv.seat;
      for (const a of actions) {
        const before = JSON.stringify(strip(m));
        const r = applyAction(m, seat, a);
        if (r.ok) m = r.match;
        else expect(JSON.stringify(strip(m)), `refusal ${r.code} changed the match`).toBe(before);
      }
    }
  }
  return m;
}

function checkMeters(m: Match) {
  for (const p of PARTIES) {
    const s = m.parties[p];
    expect(s.support).toBeGreaterThanOrEqual(0);
    expect(s.support).toBeLessThanOrEqual(100);
    expect(s.standing).toBeGreaterThanOrEqual(0);
    expect(s.standing).toBeLessThanOrEqual(100);
    expect(s.budget).toBeGreaterThanOrEqual(0);
    for (const c of COMPONENTS) expect(s.strength[c]).toBeGreaterThanOrEqual(0);
  }
  expect(m.escalation).toBeGreaterThanOrEqual(0);
  expect(m.escalation).toBeLessThanOrEqual(4);
  expect(Number.isInteger(m.escalation)).toBe(true);
  expect(m.stability).toBeGreaterThanOrEqual(0);
  expect(m.stability).toBeLessThanOrEqual(100);
  for (const r of Object.values(m.regions)) {
    expect(r.tension).toBeGreaterThanOrEqual(0);
    expect(r.tension).toBeLessThanOrEqual(100);
  }
  for (const med of Object.values(m.mediators)) expect(med!.prestige).toBeGreaterThanOrEqual(0);
  if (m.settlement) {
    expect(m.settlement.durability).toBeGreaterThanOrEqual(0);
    expect(m.settlement.durability).toBeLessThanOrEqual(100);
  }
}

const moves = fc.array(move, { minLength: 20, maxLength: 160 }) as fc.Arbitrary<Move[]>;
const seed = fc.integer({ min: 0, max: 2 ** 31 });

describe('engine invariants (property tests)', () => {
  it('meters stay in range, budgets never go negative, refusals change nothing', () => {
    fc.assert(fc.property(seed, moves, (s, mv) => checkMeters(play(s, mv))), { numRuns: 150 });
  });

  it('replay of scenario + seed + log gives the same match', () => {
    fc.assert(
      fc.property(seed, moves, (s, mv) => {
        const m = play(s, mv);
        const again = replay(scenario, m.seed, newMatch(s).seats, m.log);
        expect(JSON.stringify(strip(again))).toBe(JSON.stringify(strip(m)));
      }),
      { numRuns: 60 },
    );
  });

  it('viewFor never shows a party the other party’s secrets', () => {
    fc.assert(
      fc.property(seed, moves, (s, mv) => {
        const m = play(s, mv);
        if (m.ended) return; // after the end everything is open, by design
        for (const p of PARTIES) {
          const other = p === 'armenia' ? 'azerbaijan' : 'armenia';
          for (const viewer of [other, 'russia', 'eu', 'spectator'] as const) {
            const v = viewFor(m, viewer);
            const seen: Record<string, unknown> = { ...v.parties[p] };
            for (const secret of ['strength', 'budget', 'plan', 'pipeline', 'intel', 'reform']) expect(seen[secret], `${viewer} sees ${p}.${secret}`).toBeUndefined();
            for (const e of v.events) if (e.to) expect(e.to).toContain(viewer);
            expect(v.open).toBe(false);
            expect(v.history.every((h) => !('ratio' in h) && !('effective' in h))).toBe(true);
            for (const d of v.demands) if (d.from !== viewer && !d.resolved) expect(d.escalate).toBeNull();
            if (viewer !== 'armenia' && viewer !== 'azerbaijan') expect(JSON.stringify(v)).not.toContain('"prepareEscalation"');
          }
          const own: Record<string, unknown> = { ...viewFor(m, p).parties[p] };
          expect(own.strength).toEqual(m.parties[p].strength);
        }
      }),
      { numRuns: 80 },
    );
  });
});
