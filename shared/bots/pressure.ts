// What pressing a demand is worth to a party bot, from its own view: the chance it goes through
// (the other side gives way, or force imposes it where the bot would use force), what it takes,
// and which demand to press. The party policies (parties.ts) decide with these.
import { checksOf, type DemandDef, type Party, type PlayingSeat, type Scenario } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { otherParty } from '../engine/match.js';
import { demandsLeft, pressureRegion } from '../engine/queries.js';
import type { OwnParty } from '../engine/view.js';
import { pickText } from '../i18n/index.js';
import { believedOdds, forceBar, givesWay } from './judgement.js';
import type { BotContext } from './types.js';

/**
 * Work done once per decision (a context is one decision: one view, one random stream), however
 * often a policy asks: `key` names the work and its arguments (what it reads besides the context).
 * The memo is a tree of maps, one level a key part, so a look-up builds no string: playouts ask
 * this tens of times a decision, and building string keys of numbers was one of their larger costs.
 */
type MemoTree = Map<unknown, unknown>;
export function once<T>(ctx: BotContext, key: readonly unknown[], work: () => T): T {
  let node: MemoTree = (ctx.memo ??= new Map());
  const last = key.length - 1;
  for (let i = 0; i < last; i++) {
    let next = node.get(key[i]) as MemoTree | undefined;
    if (!next) node.set(key[i], (next = new Map()));
    node = next;
  }
  if (!node.has(key[last])) node.set(key[last], work());
  return node.get(key[last]) as T;
}

/** Whether this party prepared force in this round's plan. */
export const preparedNow = (ctx: BotContext): boolean => !!(ctx.view.parties[ctx.seat as Party] as OwnParty).plan?.prepareEscalation;

/** The catalogue demands this party can still issue (repeats left, not on the table); whether one may go out now the rules say when it does. */
export const issuable = (ctx: BotContext): DemandDef[] =>
  once(ctx, ['issuable'], () => demandsLeft(ctx.view, ctx.scenario, ctx.seat as Party));

/**
 * The chance that a demand pressed at a region goes through, for one temper (`nerve`, `caution`):
 * the addressee gives way, or (if this temper would use force there) force imposes it. Prepared:
 * as the party stands now, or as it could stand when it presses in a later round (true). Worked
 * out once per region (many demands are pressed at the same one) for this decision's view.
 */
function payer(ctx: BotContext, nerve: number, caution: number, prepared = preparedNow(ctx) || ctx.view.phase === 'planning'): (region: string) => number {
  const party = ctx.seat as Party;
  const bar = forceBar(ctx.scenario, ctx.view, party, prepared, nerve, caution);
  const known = new Map<string, number>();
  return (region) => {
    let pays = known.get(region);
    if (pays === undefined) {
      const odds = believedOdds(ctx.scenario, ctx.view, party, region, prepared);
      const give = givesWay(ctx.view, otherParty(party), odds);
      known.set(region, (pays = give + (1 - give) * (odds >= bar ? odds : 0)));
    }
    return pays;
  };
}

const pointsOf = new WeakMap<DemandDef, Partial<Record<PlayingSeat, number>>>();
/** Points of this seat's objectives that `def` going through would meet (the demand obtained, a region it transfers); cached per demand of the scenario. */
function objectivePoints(scenario: Scenario, seat: PlayingSeat, def: DemandDef): number {
  const known = pointsOf.get(def) ?? pointsOf.set(def, {}).get(def)!;
  let points = known[seat];
  if (points !== undefined) return points;
  points = 0;
  for (const o of scenario.seats[seat]?.objectives ?? []) {
    for (const c of checksOf(o)) {
      if (c.metric === 'obtained' && c.demand === def.id) points += o.points;
      if (c.metric === 'controls' && def.onAccept.transfer?.some((t) => t.region === c.region && t.to === c.controller)) points += o.points;
    }
  }
  return (known[seat] = points);
}
/** Objective points a demand's weight point is worth, in what a party expects from pressing it. */
const POINTS_PER_WEIGHT = 5;

/** Pressing `def` now: the chance it goes through, and what it is worth (what it takes, its weight and the aims it serves, times that chance). */
function catalogueOption(ctx: BotContext, def: DemandDef, paysAt: (region: string) => number): Pressed {
  const pays = paysAt(def.pressure);
  return { def, pays, value: (def.weight + objectivePoints(ctx.scenario, ctx.seat, def) / POINTS_PER_WEIGHT) * pays };
}

/** A demand to press: a catalogue demand, or (def null) the party's further demand in its own words; the chance it goes through, and what it is worth. */
export interface Pressed {
  def: DemandDef | null;
  pays: number;
  value: number;
}

/**
 * The party's further demand in its own words (the scenario's `demandRules.further`), as a demand
 * of `customWeight` pressed where the rules press such demands; null if the scenario gives none.
 * A catalogue is not the end of demands: once it holds nothing worth more, the next comes anyway.
 */
function further(ctx: BotContext, paysAt: (region: string) => number): Pressed | null {
  const s = ctx.scenario;
  if (!s.demandRules.further?.[ctx.seat as Party]) return null;
  const pays = paysAt(pressureRegion(s, null, ctx.seat as Party));
  return { def: null, pays, value: s.demandRules.customWeight * pays };
}

/** The demands it could press now and what each is worth: the catalogue's, else its further demand if that is worth more. */
export function demandOptions(ctx: BotContext, nerve: number, caution: number, prepared?: boolean): Pressed[] {
  return once(ctx, ['options', nerve, caution, prepared], () => {
    const paysAt = payer(ctx, nerve, caution, prepared);
    const options = issuable(ctx).map((def) => catalogueOption(ctx, def, paysAt));
    const more = further(ctx, paysAt);
    return more && options.every((o) => o.value < more.value) ? [more] : options;
  });
}

/** The demand to press: drawn among its options that go through at least `minPays` of the time, in proportion to what each is worth now (the best, most often). */
export function chooseDemand(ctx: BotContext, nerve: number, caution: number, minPays = 0): Pressed | null {
  const options = demandOptions(ctx, nerve, caution).filter((o) => o.pays >= minPays);
  const total = options.reduce((s, o) => s + o.value, 0);
  if (!options.length || total <= 0) return null;
  let x = ctx.rand() * total;
  for (const o of options) if ((x -= o.value) <= 0) return o;
  return options[options.length - 1];
}

/** The action that presses it (answered this round). */
export const issue = (ctx: BotContext, p: Pressed | null): Action[] => {
  if (!p) return [];
  if (p.def) return [{ type: 'issueDemand', demand: p.def.id, deadline: 0 }];
  return [{ type: 'issueDemand', demand: null, text: pickText(ctx.scenario.demandRules.further![ctx.seat as Party]), deadline: 0 }];
};
