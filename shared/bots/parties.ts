// Readable policies for the two parties. Each looks only at its own seat's view.
import { PROCUREMENT_ROLES, type Party, type ProcurementItem, type ProcurementRole } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { FLOAT_NOISE } from '../engine/maths.js';
import { catalogueDemand, demandBlocks, demandWeight, planCost, pressureRegion } from '../engine/queries.js';
import type { OwnParty } from '../engine/view.js';
import { allowed, believedOdds, believedRatio, inferredAppetite, shareOf } from './judgement.js';
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
  /** Whether to sign a package putting `myShare` of the concessions on this party. */
  signs(ctx: BotContext, myShare: number): boolean;
}

const own = (ctx: BotContext) => ctx.view.parties[ctx.seat as Party] as OwnParty;
const ratio = (ctx: BotContext) => believedRatio(ctx.view);
/** The share a party may expect to give up, by strength: the stronger side asks for more. */
const realistShare = (ctx: BotContext) => {
  const r = ratio(ctx);
  const armenia = r / (1 + r);
  return ctx.seat === 'armenia' ? armenia : 1 - armenia;
};

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

/**
 * The next catalogue demand this party can still issue (in catalogue order): repeats left and not
 * on the table. Whether it may go out now (the phase, too many open) the rules say when it does.
 */
export function nextDemand(ctx: BotContext): string | null {
  const party = ctx.seat as Party;
  const def = ctx.scenario.demands.find((d) => d.from === party && demandBlocks(ctx.view, ctx.scenario, party, d).every((b) => b === 'too_many_open'));
  return def?.id ?? null;
}

const issue = (ctx: BotContext): Action[] => {
  const next = nextDemand(ctx);
  return next ? [{ type: 'issueDemand', demand: next, deadline: 0 }] : [];
};

/** Where this party would press over its demand (a catalogue id, or null for one in its own words). */
const pressureOf = (ctx: BotContext, demandId: string | null) => pressureRegion(ctx.scenario, catalogueDemand(ctx.scenario, demandId), ctx.seat as Party);

/** What closes the gap after the drone war of 2020: drones, defence against them, and missiles to deter. */
const GAP_CLOSERS: readonly ProcurementRole[] = ['drones', 'antiDrone', 'missiles'];

const armenia: Record<string, PartyPolicy> = {
  /** Gives way to every demand and signs any package: the appeasement path. */
  concede: {
    plan: (ctx) => [plan([], 0, own(ctx).budget, null)],
    demand: () => [],
    accepts: () => true,
    escalates: () => false,
    signs: () => true,
  },
  /** Refuses every demand but does nothing to close the gap. */
  refuse: {
    plan: (ctx) => [plan([], 0, own(ctx).budget, null)],
    demand: (ctx) => (ctx.rand() < 0.3 ? issue(ctx) : []),
    accepts: () => false,
    escalates: () => false,
    signs: (_ctx, share) => share <= 0.5,
  },
  /** Buys drones, anti-drone defence and missiles every round; refuses big demands; signs once the gap narrows. */
  invest: {
    plan: (ctx) => [plan(buy(ctx, itemsFor(ctx, GAP_CLOSERS), own(ctx).budget), 0, 0, null)],
    demand: (ctx) => (ctx.rand() < 0.3 ? issue(ctx) : []),
    accepts: (_ctx, weight) => weight <= 2,
    escalates: () => false,
    signs: (ctx, share) => ratio(ctx) < 1.9 && share <= realistShare(ctx) + 0.08,
  },
  /** Weighs each demand against the odds of being coerced; invests half, lobbies half. */
  pragmatist: {
    plan: (ctx) => {
      const procure = buy(ctx, itemsFor(ctx, GAP_CLOSERS), own(ctx).budget / 2);
      return [plan(procure, 0, own(ctx).budget - costOf(ctx, procure), null)];
    },
    demand: (ctx) => (ctx.rand() < 0.3 ? issue(ctx) : []),
    accepts: (ctx, weight, region) => weight <= 5 && believedOdds(ctx.scenario, ctx.view, 'azerbaijan', region, true) > 0.6,
    escalates: () => false,
    signs: (ctx, share) => share <= realistShare(ctx) + 0.05,
  },
  /** Rearms with everything, refuses, and answers a refusal of its own demands with pressure when the odds allow. */
  hawk: {
    plan: (ctx) => {
      const next = nextDemand(ctx);
      const region = pressureOf(ctx, next);
      const prepare = next && believedOdds(ctx.scenario, ctx.view, 'armenia', region, true) >= 0.4 ? region : null;
      return [plan(buy(ctx, itemsFor(ctx, GAP_CLOSERS), own(ctx).budget), 0, 0, prepare)];
    },
    demand: issue,
    accepts: () => false,
    escalates: (ctx, region) => believedOdds(ctx.scenario, ctx.view, 'armenia', region, preparedNow(ctx)) >= 0.4,
    signs: (_ctx, share) => share <= 0.45,
  },
  /** Seeks a deal: gives way on smaller demands, lobbies abroad, signs fair packages readily. */
  conciliator: {
    plan: (ctx) => {
      const procure = buy(ctx, itemsFor(ctx, ['antiDrone']), own(ctx).budget / 3);
      return [plan(procure, 0, own(ctx).budget - costOf(ctx, procure), null)];
    },
    demand: (ctx) => (ctx.rand() < 0.2 ? issue(ctx) : []),
    accepts: (_ctx, weight) => weight <= 4,
    escalates: () => false,
    signs: (ctx, share) => share <= realistShare(ctx) + 0.12,
  },
};

const azerbaijan: Record<string, PartyPolicy> = {
  /** Presses a demand every round and uses force whenever refused. */
  hawk: {
    plan: (ctx) => [plan(buy(ctx, itemsFor(ctx, PROCUREMENT_ROLES), own(ctx).budget), 0, 0, pressureOf(ctx, nextDemand(ctx)))],
    demand: issue,
    accepts: () => false,
    escalates: () => true,
    signs: (ctx, share) => share <= realistShare(ctx) - 0.05 && appetite(ctx) < 0.7,
  },
  /** Presses when appetite is up; uses force when it expects to win. */
  opportunist: {
    plan: (ctx) => {
      const procure = buy(ctx, itemsFor(ctx, PROCUREMENT_ROLES), own(ctx).budget * 0.8);
      const next = nextDemand(ctx);
      const region = pressureOf(ctx, next);
      const prepare = next && believedOdds(ctx.scenario, ctx.view, 'azerbaijan', region, true) >= 0.5 ? region : null;
      return [plan(procure, 0, own(ctx).budget - costOf(ctx, procure), prepare)];
    },
    demand: (ctx) => (ctx.rand() < appetite(ctx) ? issue(ctx) : []),
    accepts: (ctx, weight) => weight <= 2 && ratio(ctx) < 2.2,
    escalates: (ctx, region) => believedOdds(ctx.scenario, ctx.view, 'azerbaijan', region, preparedNow(ctx)) >= 0.45,
    signs: (ctx, share) => appetite(ctx) < 0.75 && share <= realistShare(ctx) + 0.05,
  },
  /** Prefers a deal once force looks costly; signs fairer packages. */
  pragmatist: {
    plan: (ctx) => {
      const procure = buy(ctx, itemsFor(ctx, PROCUREMENT_ROLES), own(ctx).budget * 0.6);
      return [plan(procure, 0, own(ctx).budget - costOf(ctx, procure), null)];
    },
    demand: (ctx) => (ctx.rand() < appetite(ctx) * 0.8 ? issue(ctx) : []),
    accepts: (ctx, weight) => weight <= 4 && ratio(ctx) < 1.8,
    escalates: (ctx, region) => believedOdds(ctx.scenario, ctx.view, 'azerbaijan', region, preparedNow(ctx)) >= 0.6,
    signs: (ctx, share) => appetite(ctx) < 0.85 && share <= realistShare(ctx) + 0.12,
  },
  /** Wants the treaty more than the next concession: presses rarely, never by force, signs fair packages. */
  conciliator: {
    plan: (ctx) => {
      const procure = buy(ctx, itemsFor(ctx, PROCUREMENT_ROLES), own(ctx).budget * 0.4);
      return [plan(procure, 0, own(ctx).budget - costOf(ctx, procure), null)];
    },
    demand: (ctx) => (ctx.rand() < 0.35 ? issue(ctx) : []),
    accepts: (_ctx, weight) => weight <= 4,
    escalates: () => false,
    signs: (_ctx, share) => share <= 0.55,
  },
};

/** A baseline with no judgement: every choice is a coin toss among legal ones. */
const random: PartyPolicy = {
  plan: (ctx) => {
    const items = itemsFor(ctx, PROCUREMENT_ROLES);
    const procure = buy(ctx, items.filter(() => ctx.rand() < 0.5), own(ctx).budget * ctx.rand());
    const next = nextDemand(ctx);
    return [plan(procure, 0, Math.floor(own(ctx).budget - costOf(ctx, procure)), next && ctx.rand() < 0.5 ? pressureOf(ctx, next) : null)];
  },
  demand: (ctx) => (ctx.rand() < 0.5 ? issue(ctx) : []),
  accepts: (ctx) => ctx.rand() < 0.5,
  escalates: (ctx) => ctx.rand() < 0.5,
  signs: (ctx) => ctx.rand() < 0.3,
};
armenia.random = random;
azerbaijan.random = random;

const appetite = (ctx: BotContext) => inferredAppetite(ctx.scenario, ctx.view);

const preparedNow = (ctx: BotContext) => !!own(ctx).plan?.prepareEscalation;

export const PARTY_STRATEGIES: Record<Party, Record<string, PartyPolicy>> = { armenia, azerbaijan };
export const DEFAULT_PARTY_STRATEGY: Record<Party, string> = { armenia: 'pragmatist', azerbaijan: 'opportunist' };

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
      const out: Action[] = [];
      for (const d of v.demands) {
        if (allowed(ctx, { type: 'respond', demand: d.id, answer: 'accept' })) {
          const def = catalogueDemand(ctx.scenario, d.def);
          const yes = policy.accepts(ctx, demandWeight(ctx.scenario, def), pressureRegion(ctx.scenario, def, d.from));
          out.push({ type: 'respond', demand: d.id, answer: yes ? 'accept' : 'refuse' });
        }
        if (allowed(ctx, { type: 'chooseEscalation', demand: d.id, escalate: false })) {
          const region = pressureOf(ctx, d.def);
          out.push({ type: 'chooseEscalation', demand: d.id, escalate: policy.escalates(ctx, region), region });
        }
      }
      for (const p of v.proposals) {
        if (allowed(ctx, { type: 'sign', proposal: p.id }) && policy.signs(ctx, shareOf(ctx.scenario, p.clauses, party))) {
          out.push({ type: 'sign', proposal: p.id });
          break;
        }
      }
      return out;
    }
    default:
      return [];
  }
}
