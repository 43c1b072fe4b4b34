// Rules that are the scenario's data: modifiers declare what they do to escalations, and
// procurement items their role, so another scenario's modifiers and items work without code.
import { describe, expect, it } from 'vitest';
import { botActions } from '../../shared/bots/index.js';
import { applyAction, oddsFor, type Match } from '../../shared/engine/index.js';
import { pressureModifiers } from '../../shared/engine/resolve.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import { act, newMatch, scenario, toPhase } from './helpers.js';

const withModifier = (m: Match, id: string) => act(m, 'facilitator', { type: 'injectEvent', custom: { headline: { en: id }, text: { en: 'x' }, effects: { modifier: { id, rounds: 2 } } } });

describe('modifiers', () => {
  const m = toPhase(newMatch(), 'planning');

  it('do what the base scenario declares', () => {
    const plain = pressureModifiers(scenario, m, 'azerbaijan', 'syunik');
    expect(plain).toEqual({ ratioFactor: 1, presence: false, damping: 0 });
    expect(pressureModifiers(scenario, withModifier(m, 'winter'), 'armenia', 'berdzor').damping).toBeCloseTo(0.1);
    expect(pressureModifiers(scenario, withModifier(m, 'iranWarning'), 'azerbaijan', 'syunik').damping).toBeCloseTo(0.1);
    expect(pressureModifiers(scenario, withModifier(m, 'iranWarning'), 'azerbaijan', 'tavush').damping).toBe(0);
    expect(pressureModifiers(scenario, withModifier(m, 'iranWarning'), 'armenia', 'syunik').damping).toBe(0);
    expect(pressureModifiers(scenario, withModifier(m, 'jointExercises'), 'azerbaijan', 'tavush').ratioFactor).toBeCloseTo(1.1);
    expect(pressureModifiers(scenario, m, 'azerbaijan', 'berdzor').presence).toBe(true); // Russian peacekeepers
    expect(pressureModifiers(scenario, withModifier(m, 'russiaDistracted'), 'azerbaijan', 'berdzor').presence).toBe(false);
    expect(oddsFor(withModifier(m, 'winter'), 'azerbaijan', 'syunik', true).success).toBeLessThan(oddsFor(m, 'azerbaijan', 'syunik', true).success);
  });

  it('of another scenario work from its data alone, capped by escalation.maxDamping', () => {
    const fog = { id: 'fog', attacker: 'armenia' as const, regions: ['berdzor'], damping: 0.3, ratioFactor: 0.5, cancels: ['peacekeepers' as const] };
    const s: Scenario = { ...scenario, modifiers: [...scenario.modifiers, fog], escalation: { ...scenario.escalation, maxDamping: 0.25 } };
    const f = withModifier(toPhase(newMatch(1, s), 'planning'), 'fog');
    expect(pressureModifiers(s, f, 'armenia', 'berdzor')).toEqual({ ratioFactor: 0.5, presence: false, damping: 0.25 });
    expect(pressureModifiers(s, f, 'azerbaijan', 'berdzor')).toEqual({ ratioFactor: 1, presence: true, damping: 0 });
    // An event may only name a modifier the scenario has.
    const r = applyAction(m, 'facilitator', { type: 'injectEvent', custom: { headline: { en: 'x' }, text: { en: 'x' }, effects: { modifier: { id: 'fog', rounds: 1 } } } });
    expect(r.ok ? null : r.code).toBe('not_allowed');
  });
});

describe('procurement roles', () => {
  it('are what bots buy by: renamed items are bought as before', () => {
    const renamed: Scenario = { ...scenario, procurement: scenario.procurement.map((p) => ({ ...p, id: `x-${p.id.split('-').reverse().join('-')}` })) };
    const bought = (s: Scenario) => {
      const m = toPhase(newMatch(3, s), 'planning');
      const [plan] = botActions(m, 'armenia', 'invest');
      return plan.type === 'plan' ? plan.procure.map((l) => s.procurement.find((p) => p.id === l.item)!.role) : [];
    };
    expect(bought(renamed)).toEqual(bought(scenario));
    expect(bought(scenario).length).toBeGreaterThan(0);
    for (const role of bought(scenario)) expect(['drones', 'antiDrone', 'missiles']).toContain(role);
  });
});

describe('clause aims', () => {
  // What each mediator personality tables in round 1's negotiation, as clause aims (or ids where a clause has none).
  const tabled = (s: Scenario, strategy: string) => {
    const m = toPhase(newMatch(5, s), 'negotiation');
    const proposal = botActions(m, 'eu', strategy).find((a) => a.type === 'propose');
    return proposal?.type === 'propose' ? proposal.clauses.map((id) => s.clauses.find((c) => c.id === id)!) : null;
  };

  it('are what mediator bots keep in a package: renamed clauses are tabled as before', () => {
    const rename = (id: string) => `x-${id}`;
    const renamed: Scenario = { ...scenario, clauses: scenario.clauses.map((c) => ({ ...c, id: rename(c.id) })) };
    for (const strategy of ['summiteer', 'broker']) {
      const base = tabled(scenario, strategy)!;
      expect(base.some((c) => c.aim === 'recognition'), strategy).toBe(true);
      expect(tabled(renamed, strategy)!.map((c) => c.id)).toEqual(base.map((c) => rename(c.id)));
    }
    expect(tabled(scenario, 'broker')!.some((c) => c.aim === 'rights')).toBe(true);
  });

  it('may be absent: the mediators then table a package without them', () => {
    const plain: Scenario = { ...scenario, clauses: scenario.clauses.map(({ aim: _aim, ...c }) => c) };
    const got = tabled(plain, 'broker');
    expect(got?.length).toBeGreaterThan(0);
  });
});
