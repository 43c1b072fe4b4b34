// Readable policies for the two parties. Each looks only at its own seat's view, and each
// decision weighs what the view shows of the balance: the odds force would have, how often the
// other side has given way, what pressing on would bring against what a deal gives.
import { PROCUREMENT_ROLES, type Party, type ProcurementItem, type ProcurementRole } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { isParty, otherParty } from '../engine/match.js';
import { FLOAT_NOISE } from '../engine/maths.js';
import { catalogueDemand, demandWeight, planCost, pressureRegion } from '../engine/queries.js';
import { packageCost } from '../engine/settlement.js';
import type { OwnParty } from '../engine/view.js';
import { allowed, believedOdds, believedRatio, clauseValue, forceWorthIt, packageNear, shareOf, type Package } from './judgement.js';
import { chooseDemand, demandOptions, issuable, issue, once, preparedNow } from './pressure.js';
import type { BotContext } from './types.js';

interface PartyPolicy {
  /** What to buy and whether to prepare force. */
  plan(ctx: BotContext): Action[];
  /** Whether to press a new demand now. */
  demand(ctx: BotContext): Action[];
  /** Accept (true) or refuse (false) an incoming demand of this weight. */
  accepts(ctx: BotContext, weight: number, region: string): boolean;
  /** Whether to use force after the other side refused. */
  escalates(ctx: BotContext, region: string): boolean;
  /** Whether to sign this package. */
  signs(ctx: BotContext, clauses: readonly string[]): boolean;
  /** The share of a package's concessions it would table for itself, or null: it leaves packages to others. */
  tables(ctx: BotContext): number | null;
  /** Whether to capitulate now (asked only while the fighting is at war level). */
  yields(ctx: BotContext): boolean;
}

const own = (ctx: BotContext) => ctx.view.parties[ctx.seat as Party] as OwnParty;
const ratio = (ctx: BotContext) => believedRatio(ctx.view);

/** The share a party may expect to give up, by strength: the stronger side asks for more. */
const realistShare = (ctx: BotContext) => {
  const r = ratio(ctx);
  const armenia = r / (1 + r);
  return ctx.seat === 'armenia' ? armenia : 1 - armenia;
};
const myShare = (ctx: BotContext, clauses: readonly string[]) => shareOf(ctx.scenario, clauses, ctx.seat as Party);

/** The items this party may buy that serve these roles, in the scenario's order. */
const itemsFor = (ctx: BotContext, roles: readonly ProcurementRole[]): ProcurementItem[] =>
  ctx.scenario.procurement.filter((p) => roles.includes(p.role) && p.buyers.includes(ctx.seat as Party));

/** Spend `budget` on these items, one at a time round the list from a random start, each while affordable. */
function buy(ctx: BotContext, items: readonly ProcurementItem[], budget: number): { item: string; qty: number }[] {
  const embargoed = new Set(ctx.view.embargoes.filter((e) => e.until >= ctx.view.round).map((e) => e.supplier));
  const blocked = new Set(items.filter((p) => embargoed.has(p.supplier)).map((p) => p.id));
  const out = new Map<string, number>();
  let left = budget;
  let i = Math.floor(ctx.rand() * items.length);
  for (let guard = 0; guard < 40 && items.length; guard++, i++) {
    const item = items[i % items.length];
    if (blocked.has(item.id) || item.cost > left + FLOAT_NOISE) continue;
    out.set(item.id, (out.get(item.id) ?? 0) + 1);
    left -= item.cost;
  }
  return [...out].map(([item, qty]) => ({ item, qty: Math.min(10, qty) }));
}

const plan = (procure: { item: string; qty: number }[], reform: number, diplomacy: number, prepare: string | null): Action => ({
  type: 'plan',
  procure,
  reform,
  diplomacy,
  prepareEscalation: prepare,
});

const costOf = (ctx: BotContext, procure: { item: string; qty: number }[]) => planCost(ctx.scenario, { procure, reform: 0, diplomacy: 0 });

/** Arms for `share` of the budget, the rest on diplomacy. */
const armsAndDiplomacy = (ctx: BotContext, roles: readonly ProcurementRole[], share: number, prepare: string | null = null): Action => {
  const procure = buy(ctx, itemsFor(ctx, roles), own(ctx).budget * share);
  return plan(procure, 0, own(ctx).budget - costOf(ctx, procure), prepare);
};

/** Where this party would press over its demand (a catalogue id, or null for one in its own words). */
const pressureOf = (ctx: BotContext, demandId: string | null) => pressureRegion(ctx.scenario, catalogueDemand(ctx.scenario, demandId), ctx.seat as Party);

/** What closes the gap after the drone war of 2020: drones, defence against them, and missiles to deter. */
const GAP_CLOSERS: readonly ProcurementRole[] = ['drones', 'antiDrone', 'missiles'];

/** Never uses force. */
const NEVER = Number.POSITIVE_INFINITY;

/** An Armenian policy from its parts; a party that leaves packages to others tables none, and none yields unless it says so. */
const armenian = (p: Omit<PartyPolicy, 'tables' | 'yields'> & Partial<Pick<PartyPolicy, 'tables' | 'yields'>>): PartyPolicy => ({ tables: () => null, yields: () => false, ...p });

/** The Armenian hawk's temper: it presses when the odds are fair, and thinks twice where failure would cost dear. */
const ARMENIAN_HAWK = { nerve: 0.3, caution: 0.15 };

const armenia: Record<string, PartyPolicy> = {
  /** Gives way to every demand and signs any package: the appeasement path; at war, it gives in. */
  concede: armenian({
    plan: (ctx) => [plan([], 0, own(ctx).budget, null)],
    demand: () => [],
    accepts: () => true,
    escalates: () => false,
    signs: () => true,
    yields: () => true,
  }),
  /** Refuses every demand but does nothing to close the gap. */
  refuse: armenian({
    plan: (ctx) => [plan([], 0, own(ctx).budget, null)],
    demand: (ctx) => (ctx.rand() < 0.3 ? issue(ctx, chooseDemand(ctx, NEVER, 0)) : []),
    accepts: () => false,
    escalates: () => false,
    signs: (ctx, clauses) => myShare(ctx, clauses) <= 0.5,
  }),
  /** Buys drones, anti-drone defence and missiles every round; refuses big demands; signs and tables only fair packages, which come once the gap narrows. */
  invest: armenian({
    plan: (ctx) => [plan(buy(ctx, itemsFor(ctx, GAP_CLOSERS), own(ctx).budget), 0, 0, null)],
    demand: (ctx) => (ctx.rand() < 0.3 ? issue(ctx, chooseDemand(ctx, NEVER, 0)) : []),
    accepts: (_ctx, weight) => weight <= 2,
    escalates: () => false,
    signs: (ctx, clauses) => myShare(ctx, clauses) <= 0.58,
    tables: () => 0.52,
  }),
  /** Weighs each demand against the odds of being coerced; invests half, lobbies half; tables what the balance justifies. */
  pragmatist: armenian({
    plan: (ctx) => [armsAndDiplomacy(ctx, GAP_CLOSERS, 0.5)],
    demand: (ctx) => (ctx.rand() < 0.3 ? issue(ctx, chooseDemand(ctx, NEVER, 0)) : []),
    accepts: (ctx, weight, region) => weight <= 5 && believedOdds(ctx.scenario, ctx.view, 'azerbaijan', region, true) > 0.6,
    escalates: () => false,
    signs: (ctx, clauses) => myShare(ctx, clauses) <= realistShare(ctx) + 0.05,
    tables: (ctx) => realistShare(ctx) - 0.02,
    yields: (ctx) => believedOdds(ctx.scenario, ctx.view, 'azerbaijan', pressureRegion(ctx.scenario, null, 'azerbaijan'), true) > 0.8,
  }),
  /** Rearms with everything, refuses, and answers a refusal of its own demands with pressure when the odds allow. */
  hawk: armenian({
    plan: (ctx) => {
      const next = chooseDemand(ctx, ARMENIAN_HAWK.nerve, ARMENIAN_HAWK.caution);
      const region = next ? pressureRegion(ctx.scenario, next.def, 'armenia') : null;
      const prepare = region && forceWorthIt(ctx.scenario, ctx.view, 'armenia', region, true, ARMENIAN_HAWK.nerve, ARMENIAN_HAWK.caution) ? region : null;
      return [plan(buy(ctx, itemsFor(ctx, GAP_CLOSERS), own(ctx).budget), 0, 0, prepare)];
    },
    demand: (ctx) => issue(ctx, chooseDemand(ctx, ARMENIAN_HAWK.nerve, ARMENIAN_HAWK.caution)),
    accepts: () => false,
    escalates: (ctx, region) => forceWorthIt(ctx.scenario, ctx.view, 'armenia', region, preparedNow(ctx), ARMENIAN_HAWK.nerve, ARMENIAN_HAWK.caution),
    signs: (ctx, clauses) => myShare(ctx, clauses) <= 0.45,
  }),
  /** Seeks a deal: gives way on smaller demands, lobbies abroad, signs and tables packages readily. */
  conciliator: armenian({
    plan: (ctx) => [armsAndDiplomacy(ctx, ['antiDrone'], 1 / 3)],
    demand: (ctx) => (ctx.rand() < 0.2 ? issue(ctx, chooseDemand(ctx, NEVER, 0)) : []),
    accepts: (_ctx, weight) => weight <= 4,
    escalates: () => false,
    signs: (ctx, clauses) => myShare(ctx, clauses) <= realistShare(ctx) + 0.12,
    tables: (ctx) => realistShare(ctx) + 0.04,
  }),
};

/**
 * An Azerbaijani temper, the traits its policy is made of. Recklessness is one of them: a hawk
 * presses more and accepts longer odds, but it still weighs them and its own losses.
 */
interface Temper {
  /** Chance of pressing a demand in a round, times Baku's appetite (at most 1). */
  press: number;
  /** Least chance that a demand goes through (given way to, or imposed) for pressing it to be worth a refusal: near parity, pressure pays less. */
  minPays: number;
  /** Least believed odds for using force after a refusal (NEVER: it does not). */
  nerve: number;
  /** How much its own losses raise that bar: the defender's missiles, a failure that would bring war. */
  caution: number;
  /** Share of the budget spent on arms (the rest on diplomacy). */
  arms: number;
  /** The heaviest Armenian demand it gives way to when Armenia could not force it; more as Armenia's odds of forcing it rise. */
  give: number;
  /** What a settlement is worth to it in itself (standing, a war avoided), in points of concession weight. */
  peace: number;
  /** The share of a package's concessions it would table for itself, off the balance's; null: it tables none. */
  tables: number | null;
}

/** Rounds ahead Baku weighs what pressing on would bring, against what a deal gives now. */
const HORIZON = 6;

/**
 * What pressing on is worth to Baku, in concession weight: the best demand it can still press,
 * times its chance of pressing one a round, over the horizon. Against a government that gives
 * way, this is more than any package: the circle. Where neither giving way nor force can be
 * expected (near parity), it is little, and a deal is worth more.
 */
function pressingOn(ctx: BotContext, t: Temper): number {
  return once(ctx, ['pressingOn'], () => {
    const best = Math.max(0, ...demandOptions(ctx, t.nerve, t.caution, true).filter((o) => o.pays >= t.minPays).map((o) => o.value));
    return HORIZON * Math.min(1, t.press * ctx.view.appetite) * best;
  });
}

function azerbaijani(t: Temper): PartyPolicy {
  const force = (ctx: BotContext, region: string, prepared: boolean) => forceWorthIt(ctx.scenario, ctx.view, 'azerbaijan', region, prepared, t.nerve, t.caution);
  return {
    plan: (ctx) => {
      const next = chooseDemand(ctx, t.nerve, t.caution, t.minPays);
      const region = next ? pressureRegion(ctx.scenario, next.def, 'azerbaijan') : null;
      return [armsAndDiplomacy(ctx, PROCUREMENT_ROLES, t.arms, region && force(ctx, region, true) ? region : null)];
    },
    demand: (ctx) => (ctx.rand() < t.press * ctx.view.appetite ? issue(ctx, chooseDemand(ctx, t.nerve, t.caution, t.minPays)) : []),
    accepts: (ctx, weight, region) => weight <= t.give * (1 + 2 * believedOdds(ctx.scenario, ctx.view, 'armenia', region, true)),
    escalates: (ctx, region) => force(ctx, region, preparedNow(ctx)),
    signs: (ctx, clauses) => {
      const cost = packageCost(ctx.scenario, clauses);
      return cost.armenia - cost.azerbaijan + t.peace >= pressingOn(ctx, t);
    },
    tables: (ctx) => (t.tables === null ? null : realistShare(ctx) + t.tables),
    yields: () => false,
  };
}

const azerbaijan: Record<string, PartyPolicy> = {
  /** Presses hardest and accepts long odds, though not hopeless ones; gives nothing; signs only what pressing on could not bring. */
  hawk: azerbaijani({ press: 1.7, minPays: 0.2, nerve: 0.25, caution: 0.35, arms: 1, give: 0, peace: 0, tables: null }),
  /** Presses when appetite is up; uses force when it expects to win. */
  opportunist: azerbaijani({ press: 1, minPays: 0.5, nerve: 0.45, caution: 0.3, arms: 0.8, give: 2, peace: 3, tables: null }),
  /** Prefers a deal once force looks costly; gives way on middling demands as Armenia's hand strengthens. */
  pragmatist: azerbaijani({ press: 0.8, minPays: 0.6, nerve: 0.6, caution: 0.4, arms: 0.8, give: 3, peace: 6, tables: -0.02 }),
  /** Wants the treaty more than the next concession: presses rarely, never by force, signs and tables fair packages. */
  conciliator: azerbaijani({ press: 0.6, minPays: 0.6, nerve: NEVER, caution: 0, arms: 0.5, give: 4, peace: 12, tables: 0.04 }),
};

/** A baseline with no judgement: every choice is a coin toss among legal ones. */
const random: PartyPolicy = {
  plan: (ctx) => {
    const items = itemsFor(ctx, PROCUREMENT_ROLES);
    const procure = buy(ctx, items.filter(() => ctx.rand() < 0.5), own(ctx).budget * ctx.rand());
    const next = issuable(ctx)[0]?.id ?? null;
    return [plan(procure, 0, Math.floor(own(ctx).budget - costOf(ctx, procure)), next && ctx.rand() < 0.5 ? pressureOf(ctx, next) : null)];
  },
  demand: (ctx) => (ctx.rand() < 0.5 ? issue(ctx, issuable(ctx)[0] ? { def: issuable(ctx)[0], pays: 1, value: 1 } : null) : []),
  accepts: (ctx) => ctx.rand() < 0.5,
  escalates: (ctx) => ctx.rand() < 0.5,
  signs: (ctx) => ctx.rand() < 0.3,
  tables: () => null,
  yields: () => false,
};
armenia.random = random;
azerbaijan.random = random;

export const PARTY_STRATEGIES: Record<Party, Record<string, PartyPolicy>> = { armenia, azerbaijan };
export const DEFAULT_PARTY_STRATEGY: Record<Party, string> = { armenia: 'pragmatist', azerbaijan: 'opportunist' };

/**
 * Which open package to sign, if any: one the other party has signed already, else the one that
 * puts the least on this party, ties broken at random (so no mediator gets the deal by seat order).
 */
function signChoice(ctx: BotContext, policy: PartyPolicy): Action[] {
  const party = ctx.seat as Party;
  const other = otherParty(party);
  const open = ctx.view.proposals.filter((p) => p.status === 'open' && allowed(ctx, { type: 'sign', proposal: p.id }) && policy.signs(ctx, p.clauses));
  if (!open.length) return [];
  const signed = open.filter((p) => p.signed.includes(other));
  const pool = signed.length ? signed : open;
  const least = Math.min(...pool.map((p) => myShare(ctx, p.clauses)));
  const best = pool.filter((p) => myShare(ctx, p.clauses) <= least + FLOAT_NOISE);
  return [{ type: 'sign', proposal: best[Math.floor(ctx.rand() * best.length)].id }];
}

/**
 * Direct talks, when no mediator has a package on the table once the negotiation is over (while
 * they mediate, the parties negotiate through them): a party tables a package of its own near the
 * split it would table (one it would sign: proposing is signing), its last one withdrawn if the
 * other side let it lie a round.
 */
function ownPackage(ctx: BotContext, policy: PartyPolicy): Action[] {
  const share = policy.tables(ctx);
  const v = ctx.view;
  const open = v.proposals.filter((p) => p.status === 'open');
  if (share === null || open.some((p) => !isParty(p.by) || (p.by === ctx.seat && p.round === v.round))) return [];
  const worth = (p: Package) => p.clauses.reduce((n, c) => n + clauseValue(ctx.scenario, ctx.seat, c), 0);
  const clauses = packageNear(ctx.scenario, ctx.seat === 'armenia' ? share : 1 - share, [], ctx.rand, worth).clauses;
  if (!policy.signs(ctx, clauses)) return [];
  return [...open.filter((p) => p.by === ctx.seat).map((p): Action => ({ type: 'withdrawProposal', proposal: p.id })), { type: 'propose', clauses }];
}

/** One party bot's actions for the current phase. */
export function partyActions(ctx: BotContext, strategy: string): Action[] {
  const party = ctx.seat as Party;
  const policy = PARTY_STRATEGIES[party][strategy] ?? PARTY_STRATEGIES[party][DEFAULT_PARTY_STRATEGY[party]];
  const v = ctx.view;
  switch (v.phase) {
    case 'planning':
      return own(ctx).plan ? [] : policy.plan(ctx);
    case 'demands':
      return v.demands.some((d) => d.from === party && d.issued === v.round) ? [] : policy.demand(ctx);
    case 'negotiation':
    case 'response': {
      if (v.escalation >= ctx.scenario.escalation.levels.war && v.phase === 'response' && policy.yields(ctx)) return [{ type: 'capitulate' }];
      const out: Action[] = [];
      for (const d of v.demands) {
        // Each rule's own first conditions are checked here before the rule is asked: most demands
        // on the table are long answered, and a refusal is costlier to make than this test.
        if (d.to === party && d.status === 'open' && allowed(ctx, { type: 'respond', demand: d.id, answer: 'accept' })) {
          const def = catalogueDemand(ctx.scenario, d.def);
          const yes = policy.accepts(ctx, demandWeight(ctx.scenario, def), pressureRegion(ctx.scenario, def, d.from));
          out.push({ type: 'respond', demand: d.id, answer: yes ? 'accept' : 'refuse' });
        }
        if (d.from === party && (d.status === 'refused' || d.status === 'countered') && d.escalate === null && allowed(ctx, { type: 'chooseEscalation', demand: d.id, escalate: false })) {
          const region = pressureOf(ctx, d.def);
          out.push({ type: 'chooseEscalation', demand: d.id, escalate: policy.escalates(ctx, region), region });
        }
      }
      const sign = signChoice(ctx, policy);
      return [...out, ...(sign.length ? sign : v.phase === 'response' ? ownPackage(ctx, policy) : [])];
    }
    default:
      return [];
  }
}
