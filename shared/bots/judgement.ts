// What a bot can work out from its own view: the balance it believes in, the odds it expects,
// which packages of clauses exist and how they split the concessions.
import { checksOf, type Party, type PlayingSeat, type Scenario } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { FLOAT_NOISE, METER_MAX } from '../engine/maths.js';
import { otherParty } from '../engine/match.js';
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

/** The defender's missiles as the view shows them: its own count, else the midpoint of the estimate (0 without one). */
export function believedMissiles(v: SeatView, defender: Party): number {
  const own = v.parties[defender] as OwnParty;
  const intel = (v.parties[otherParty(defender)] as OwnParty).intel;
  return own.strength ? own.strength.missiles : intel ? (intel.components.missiles[0] + intel.components.missiles[1]) / 2 : 0;
}

/** The attacker's believed chance of success if it presses `region` now. */
export function believedOdds(scenario: Scenario, v: SeatView, attacker: Party, region: string, prepared: boolean): number {
  const ratio = attacker === 'azerbaijan' ? believedRatio(v) : 1 / believedRatio(v);
  const mods = pressureModifiers(scenario, v, attacker, region);
  return escalationOdds(scenario, ratio * mods.ratioFactor, believedMissiles(v, otherParty(attacker)), { prepared, presence: mods.presence, damping: mods.damping }).success;
}

/**
 * How likely `party` is to give way to the next demand, as the issuer reckons it: its record of
 * answers, starting from the odds of force (a government yields to a threat it cannot resist,
 * and a strong one is not expected to). Each answer counts as much as PRIOR_ANSWERS/2 of the start.
 */
export function givesWay(v: SeatView, party: Party, odds: number): number {
  let answered = 0;
  let gave = 0;
  for (const d of v.demands) {
    if (d.to !== party || d.status === 'open' || d.status === 'withdrawn') continue;
    answered++;
    if (d.status === 'accepted') gave++;
  }
  return (PRIOR_ANSWERS * odds + gave) / (PRIOR_ANSWERS + answered);
}
const PRIOR_ANSWERS = 2;

/**
 * The least odds at which force over a refused demand is worth it to the attacker: the bar of its
 * temper (`nerve`), raised by what failure would cost it (`caution` × the defender's missiles'
 * price, and WAR_STEP more when a failure would bring war) and lowered by what backing down costs
 * Baku at home (its appetite).
 */
export function forceBar(scenario: Scenario, v: SeatView, attacker: Party, prepared: boolean, nerve: number, caution: number): number {
  const e = scenario.escalation;
  const price = believedMissiles(v, otherParty(attacker)) * e.missilePrice;
  const level = Math.max(v.escalation, prepared ? e.levels.prepared : e.levels.unprepared) + (v.escalation >= e.failureRaisesFrom ? 1 : 0);
  const war = level >= e.levels.war ? WAR_STEP : 0;
  const backDown = attacker === 'azerbaijan' ? (v.appetite * scenario.appetite.standDownCost) / METER_MAX : 0;
  return nerve + caution * (price + war) - backDown;
}

/** Whether force over a refused demand at `region` is worth it to the attacker (its believed odds reach its bar). */
export const forceWorthIt = (scenario: Scenario, v: SeatView, attacker: Party, region: string, prepared: boolean, nerve: number, caution: number): boolean =>
  believedOdds(scenario, v, attacker, region, prepared) >= forceBar(scenario, v, attacker, prepared, nerve, caution);
/** A failure that would bring war weighs as much in the attacker's caution as this price of missiles (a 50 % rise in its losses). */
const WAR_STEP = 0.5;

export interface Package {
  clauses: string[];
  armenia: number;
  azerbaijan: number;
  /** Armenia's share of all concessions, 0..1. */
  armeniaShare: number;
}

const packageCache = new WeakMap<Scenario, Package[]>();

const withMust = new WeakMap<Scenario, Map<string, Package[]>>();
/** The packages that hold every `must` clause (cached per scenario). */
function packagesWith(scenario: Scenario, must: readonly string[]): Package[] {
  const byMust = withMust.get(scenario) ?? withMust.set(scenario, new Map()).get(scenario)!;
  const key = must.join(',');
  return byMust.get(key) ?? byMust.set(key, allPackages(scenario).filter((p) => must.every((c) => p.clauses.includes(c)))).get(key)!;
}

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

/**
 * A package (with the `must` clauses) whose split of concessions is near `targetShare`: among
 * those within SHARE_SLACK of it (else the nearest), one of those worth most by `worth` (a
 * party's own aims; a mediator has none in the clauses), drawn at random, so that no clause is
 * in every deal only because it makes a package bigger.
 */
export function packageNear(scenario: Scenario, targetShare: number, must: readonly string[], rand: () => number, worth: (p: Package) => number = () => 0): Package {
  const candidates = packagesWith(scenario, must);
  const off = (p: Package) => Math.abs(p.armeniaShare - targetShare);
  const nearest = Math.min(...candidates.map(off));
  const near = candidates.filter((p) => off(p) <= Math.max(SHARE_SLACK, nearest + FLOAT_NOISE));
  const top = Math.max(...near.map(worth));
  const best = near.filter((p) => worth(p) >= top - FLOAT_NOISE);
  return best[Math.floor(rand() * best.length)];
}

const clauseValues = new WeakMap<Scenario, Map<string, number>>();
/** Points a signed clause is worth to this seat by its own objectives (clauseSigned, obtained); cached per scenario. */
export function clauseValue(scenario: Scenario, seat: PlayingSeat, clause: string): number {
  const known = clauseValues.get(scenario) ?? clauseValues.set(scenario, new Map()).get(scenario)!;
  const key = `${seat}:${clause}`;
  let v = known.get(key);
  if (v === undefined) {
    v = 0;
    for (const o of scenario.seats[seat]?.objectives ?? []) {
      for (const c of checksOf(o)) if ((c.metric === 'clauseSigned' || c.metric === 'obtained') && c.clause === clause) v += o.points;
    }
    known.set(key, v);
  }
  return v;
}
const SHARE_SLACK = 0.03;

/** Share of a package's concessions that falls on `party`. */
export function shareOf(scenario: Scenario, clauses: readonly string[], party: Party): number {
  const cost = packageCost(scenario, clauses);
  const total = cost.armenia + cost.azerbaijan;
  return total === 0 ? 0.5 : cost[party] / total;
}
