// Readable policies for the mediators: when to convene, which instruments, which packages.
import type { ClauseAim, Mediator } from '../scenario/schema.js';
import type { Action } from '../engine/actions.js';
import { allowed, believedRatio, packageNear } from './judgement.js';
import type { BotContext } from './types.js';

interface MediatorPolicy {
  planning(ctx: BotContext): Action[];
  negotiation(ctx: BotContext): Action[];
}

/** Use the first instrument of this kind that the rules allow now (its own, affordable, not in force, one summit at a time). */
function use(ctx: BotContext, kind: string): Action[] {
  const inst = ctx.scenario.instruments.find((i) => i.kind === kind && allowed(ctx, { type: 'useInstrument', instrument: i.id }));
  return inst ? [{ type: 'useInstrument', instrument: inst.id }] : [];
}

/**
 * Put a package on the table near `targetShare` (Armenia's share of the concessions), holding the
 * scenario's clauses of these aims: keep one
 * tabled this round or signed by a party, else withdraw the last (its balance may be out of
 * date) and table a fresh one.
 */
function propose(ctx: BotContext, targetShare: number, aims: ClauseAim[]): Action[] {
  const mine = ctx.view.proposals.filter((p) => p.by === ctx.seat && p.status === 'open');
  if (mine.some((p) => p.round === ctx.view.round || p.signed.length)) return [];
  const must = ctx.scenario.clauses.filter((c) => c.aim && aims.includes(c.aim)).map((c) => c.id);
  return [...mine.map((p): Action => ({ type: 'withdrawProposal', proposal: p.id })), { type: 'propose', clauses: packageNear(ctx.scenario, targetShare, must, ctx.rand).clauses }];
}

/** Armenia's share of concessions that matches the balance of force. */
const realist = (ctx: BotContext) => {
  const r = believedRatio(ctx.view);
  return r / (1 + r);
};

const policies: Record<string, MediatorPolicy> = {
  /** Convenes summits whenever tension rises; proposes deals that reflect the balance. */
  summiteer: {
    planning: (ctx) => (ctx.seat === 'russia' ? use(ctx, 'peacekeeperExtension') : []),
    negotiation: (ctx) => [
      ...(ctx.view.escalation >= 2 || ctx.view.round % 3 === 1 ? use(ctx, 'summit') : []),
      ...(ctx.view.round >= 1 ? propose(ctx, realist(ctx), ['recognition']) : []),
    ],
  },
  /** Proposes balanced packages and pays for the means to keep them. */
  broker: {
    planning: (ctx) => use(ctx, 'monitors'),
    negotiation: (ctx) => [
      ...(ctx.view.round % 3 === 0 ? use(ctx, 'summit') : []),
      ...(ctx.view.round >= 1 ? propose(ctx, (0.5 + realist(ctx)) / 2, ['recognition', 'rights']) : []),
    ],
  },
  /** Builds presence on the ground and guarantees before it asks for signatures. */
  guarantor: {
    planning: (ctx) => [...use(ctx, 'monitors'), ...use(ctx, 'peacekeeperExtension')],
    negotiation: (ctx) => [
      ...use(ctx, 'guarantees'),
      ...(ctx.view.round >= 3 ? propose(ctx, (0.5 + realist(ctx)) / 2, ['recognition', 'presence']) : []),
    ],
  },
  /** Watches and does nothing: the baseline with no mediation. */
  passive: { planning: () => [], negotiation: () => [] },
  /** No judgement: a random instrument now and then, a random package. */
  random: {
    planning: (ctx) => (ctx.rand() < 0.3 ? use(ctx, ctx.scenario.instruments[Math.floor(ctx.rand() * ctx.scenario.instruments.length)].kind) : []),
    negotiation: (ctx) => (ctx.rand() < 0.5 ? propose(ctx, ctx.rand(), []) : []),
  },
};

export const MEDIATOR_STRATEGIES = policies;
export const DEFAULT_MEDIATOR_STRATEGY: Record<Mediator, string> = { russia: 'summiteer', eu: 'broker' };

export function mediatorActions(ctx: BotContext, strategy: string): Action[] {
  const policy = policies[strategy] ?? policies[DEFAULT_MEDIATOR_STRATEGY[ctx.seat as Mediator]];
  if (ctx.view.phase === 'planning') return policy.planning(ctx);
  if (ctx.view.phase === 'negotiation') return policy.negotiation(ctx);
  return [];
}
