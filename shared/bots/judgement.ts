// What a bot can work out from its own view: the balance it believes in, the odds it expects,
// which packages of clauses exist and how they split the concessions.
import type { Party, Scenario } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { clamp } from '../engine/maths.js';
import { escalationOdds } from '../engine/military.js';
import { clausesRefusal } from '../engine/queries.js';
import { pressureModifiers } from '../engine/resolve.js';
import { packageCost } from '../engine/settlement.js';
import { checkAction } from '../engine/rules.js';
import type { OwnParty, SeatView } from '../engine/view.js';
import type { BotContext } from './types.js';

/** Whether the rules allow this seat `action` now, as its view shows the table. */
export const allowed = (ctx: BotContext, action: Action): boolean => checkAction(ctx.view, ctx.scenario, ctx.seat, action) === null;

/** The Azerbaijani/Armenian ratio the seat believes (midpoint of what it can see). */
export const believedRatio = (v: SeatView): number => (v.balance.low + v.balance.high) / 2;

/** Azerbaijan's appetite is shown to no one: inferred from demands accepted and escalations repelled. */
export function inferredAppetite(scenario: Scenario, v: SeatView): number {
  const a = scenario.appetite;
  const accepted = v.demands.filter((d) => d.from === 'azerbaijan' && d.status === 'accepted').length;
  const resisted = v.events.filter((e) => e.key === 'escalation.failure' && e.params.attacker === 'azerbaijan').length;
  return clamp(a.start + a.perAcceptance * accepted - a.perRefusalResisted * resisted, a.limits.min, a.limits.max);
}

/** The attacker's believed chance of success if it presses `region` now. */
export function believedOdds(scenario: Scenario, v: SeatView, attacker: Party, region: string, prepared: boolean): number {
  const ratio = attacker === 'azerbaijan' ? believedRatio(v) : 1 / believedRatio(v);
  const defender: Party = attacker === 'azerbaijan' ? 'armenia' : 'azerbaijan';
  const own = v.parties[defender] as OwnParty;
  const intel = (v.parties[attacker] as OwnParty).intel;
  const missiles = own.strength ? own.strength.missiles : intel ? (intel.components.missiles[0] + intel.components.missiles[1]) / 2 : 0;
  const mods = pressureModifiers(scenario, v, attacker, region);
  return escalationOdds(scenario, ratio * mods.ratioFactor, missiles, { prepared, presence: mods.presence, damping: mods.damping }).success;
}

export interface Package {
  clauses: string[];
  armenia: number;
  azerbaijan: number;
  /** Armenia's share of all concessions, 0..1. */
  armeniaShare: number;
}

const packageCache = new WeakMap<Scenario, Package[]>();

/** The most clauses in a package a bot considers (the rules allow more). */
const MAX_PACKAGE = 6;

/** Every package of clauses the rules accept, up to MAX_PACKAGE clauses (cached per scenario). */
export function allPackages(scenario: Scenario): Package[] {
  const cached = packageCache.get(scenario);
  if (cached) return cached;
  const ids = scenario.clauses.map((c) => c.id);
  const out: Package[] = [];
  const walk = (start: number, chosen: string[]) => {
    if (!clausesRefusal(scenario, chosen)) {
      const cost = packageCost(scenario, chosen);
      const total = cost.armenia + cost.azerbaijan;
      out.push({ clauses: [...chosen], ...cost, armeniaShare: total ? cost.armenia / total : 0.5 });
    }
    if (chosen.length === MAX_PACKAGE) return;
    for (let i = start; i < ids.length; i++) walk(i + 1, [...chosen, ids[i]]);
  };
  walk(0, []);
  packageCache.set(scenario, out);
  return out;
}

/** The package whose split of concessions is nearest `targetShare`, preferring ones with `must` clauses and more substance. */
export function packageNear(scenario: Scenario, targetShare: number, must: string[], rand: () => number): Package {
  const candidates = allPackages(scenario).filter((p) => must.every((c) => p.clauses.includes(c)));
  const scored = candidates
    .map((p) => ({ p, score: Math.abs(p.armeniaShare - targetShare) * 10 - (p.armenia + p.azerbaijan) * 0.05 }))
    .sort((a, b) => a.score - b.score);
  return scored[Math.floor(rand() * Math.min(3, scored.length))].p;
}

/** Share of a package's concessions that falls on `party`. */
export function shareOf(scenario: Scenario, clauses: readonly string[], party: Party): number {
  const cost = packageCost(scenario, clauses);
  const total = cost.armenia + cost.azerbaijan;
  return total === 0 ? 0.5 : cost[party] / total;
}
