// The rules asked of a seat's view (shared/engine/rules.ts, queries.ts): the same answers the
// engine gives when the action is tried, so panels and bots need no rules of their own.
import { describe, expect, it } from 'vitest';
import { botActions } from '../../shared/bots/index.js';
import {
  advancePhase,
  allowedActions,
  applyAction,
  checkAction,
  demandOptions,
  planCost,
  pressureRegion,
  RULES,
  viewFor,
  type Action,
  type Match,
  type Seat,
} from '../../shared/engine/index.js';
import { actionSchema } from '../../shared/engine/actions.js';
import { act, newMatch, noPlan, scenario, toPhase } from './helpers.js';

const demand = (id: string | null, extra = {}) => ({ type: 'issueDemand', demand: id, deadline: 0, ...extra }) as Action;

describe('the rule registry', () => {
  it('has one rule per action type, each with its message schema', () => {
    const rules = Object.values(RULES);
    expect(rules).toHaveLength(actionSchema.options.length);
    for (const rule of rules) expect(actionSchema.options).toContain(rule.schema);
    expect(RULES.done.schema.safeParse({ type: 'done' }).success).toBe(true);
    expect(RULES.capitulate.schema.safeParse({ type: 'done' }).success).toBe(false);
  });
});

describe('checkAction on a view says what applyAction says', () => {
  it('for every bot move and a set of illegal ones over a game', () => {
    let compared = 0;
    for (const seed of [5, 6, 7]) compared += game(seed);
    expect(compared).toBeGreaterThan(300);
  });

  function game(seed: number): number {
    let m = newMatch(seed);
    const tries: [Seat, Action][] = [
      ['armenia', { ...noPlan, procure: [] }],
      ['azerbaijan', demand('lachin-handover')],
      ['armenia', demand('return-detainees')],
      ['armenia', { type: 'respond', demand: 'd1', answer: 'accept' }],
      ['azerbaijan', { type: 'chooseEscalation', demand: 'd1', escalate: true }],
      ['eu', { type: 'useInstrument', instrument: 'summit-brussels' }],
      ['russia', { type: 'propose', clauses: ['detainees', 'missing-persons', 'border-commission'] }],
      ['armenia', { type: 'sign', proposal: 'p2' }],
      ['armenia', { type: 'done' }],
    ];
    let compared = 0;
    for (let step = 0; step < 200 && !m.ended; step++) {
      for (const seat of ['armenia', 'azerbaijan', 'russia', 'eu'] as const) {
        for (const a of [...botActions(m, seat, 'random'), ...tries.filter(([s]) => s === seat).map(([, a]) => a)]) {
          const r = applyAction(m, seat, a);
          const said = checkAction(viewFor(m, seat), scenario, seat, a);
          expect(said, `${seat} ${JSON.stringify(a)} in ${m.phase}`).toEqual(r.ok ? null : r);
          compared++;
          if (r.ok) m = r.match;
        }
      }
      if (!m.ended) m = advancePhase(m).match;
    }
    return compared;
  }
});

describe('allowedActions', () => {
  it('lists what the seat and phase allow', () => {
    const p = toPhase(newMatch(), 'planning');
    expect(allowedActions(viewFor(p, 'armenia'), scenario)).toEqual(['plan', 'done', 'capitulate']);
    expect(allowedActions(viewFor(p, 'eu'), scenario)).toEqual(['useInstrument', 'done']);
    expect(allowedActions(viewFor(p, 'facilitator'), scenario)).toEqual(['injectEvent', 'setSeat', 'endMatch']);
    expect(allowedActions(viewFor(p, 'spectator'), scenario)).toEqual([]);
    const n = toPhase(p, 'negotiation');
    expect(allowedActions(viewFor(n, 'azerbaijan'), scenario)).toEqual(['issueDemand', 'respond', 'propose', 'sign', 'withdrawProposal', 'done', 'capitulate']);
    expect(allowedActions(viewFor(act(n, 'facilitator', { type: 'endMatch' }), 'armenia'), scenario)).toEqual([]);
  });
});

describe('demandOptions', () => {
  it('gives each catalogue demand of the party with what stands in its way', () => {
    const p = toPhase(newMatch(), 'planning');
    const planning = demandOptions(viewFor(p, 'azerbaijan'), scenario);
    expect(planning.map((o) => o.id)).toEqual(scenario.demands.filter((d) => d.from === 'azerbaijan').map((d) => d.id));
    expect(planning.every((o) => o.blocks[0] === 'wrong_phase' && o.refusal?.code === 'wrong_phase')).toBe(true);
    expect(demandOptions(viewFor(p, 'eu'), scenario)).toEqual([]);

    let d = act(toPhase(p, 'demands'), 'azerbaijan', demand('lachin-handover'));
    d = act(d, 'azerbaijan', demand('border-delimitation'));
    const of = (m: Match, id: string) => demandOptions(viewFor(m, 'azerbaijan'), scenario).find((o) => o.id === id)!;
    expect(of(d, 'lachin-handover')).toMatchObject({ blocks: ['repeats_used', 'on_table'], refusal: { code: 'no_repeats_left' } });
    expect(of(d, 'border-delimitation')).toMatchObject({ blocks: ['on_table'], refusal: { code: 'not_allowed' } });
    expect(of(d, 'cede-heights')).toEqual({ id: 'cede-heights', blocks: [], refusal: null });
    d = act(d, 'azerbaijan', demand('cede-heights'));
    expect(of(d, 'route-through-syunik')).toMatchObject({ blocks: ['too_many_open'], refusal: { code: 'not_allowed', reason: `at most ${scenario.demandRules.maxOpen} open demands at once` } });
  });
});

describe('the queries the rules and bots share', () => {
  it('pressureRegion: the demand’s region, else the addressee’s first border region, else the first in the theatre', () => {
    const def = scenario.demands.find((x) => x.id === 'lachin-handover')!;
    expect(pressureRegion(scenario, def, 'azerbaijan')).toBe('berdzor');
    expect(pressureRegion(scenario, null, 'azerbaijan')).toBe(scenario.regions.find((r) => r.kind === 'border' && r.country === 'armenia')!.id);
    expect(pressureRegion(scenario, null, 'armenia')).toBe(scenario.regions.find((r) => r.kind !== 'context')!.id);
  });

  it('planCost: reform, diplomacy and each line', () => {
    const srbm = scenario.procurement.find((p) => p.id === 'arm-srbm')!;
    expect(planCost(scenario, { procure: [{ item: 'arm-srbm', qty: 2 }], reform: 1, diplomacy: 0.5 })).toBeCloseTo(1.5 + 2 * srbm.cost);
    const p = toPhase(newMatch(), 'planning');
    const r = applyAction(p, 'armenia', { ...noPlan, procure: [{ item: 'arm-srbm', qty: 1 }], diplomacy: 1 });
    expect(r.ok && r.events[0].params.cost).toBe(Math.round((1 + srbm.cost) * 10) / 10);
  });

  it('a demand’s deadline is the scenario’s to limit', () => {
    const d = toPhase(newMatch(), 'demands');
    const max = scenario.demandRules.maxDeadline;
    expect(applyAction(d, 'azerbaijan', demand('lachin-handover', { deadline: max })).ok).toBe(true);
    const r = applyAction(d, 'azerbaijan', demand('lachin-handover', { deadline: max + 1 }));
    expect(r.ok ? null : r.code).toBe('bad_action');
  });
});
