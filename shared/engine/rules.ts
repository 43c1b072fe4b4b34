// The rule of every action, each written once: its message schema, who may take it, in which
// phases, what makes it illegal now (a typed refusal) and what it does to a draft of the match.
// applyAction (apply.ts) looks the rule up; checkAction and the queries below ask the same rules
// of a seat's view, for the panels and the bots.
import { PARTIES, type Mediator, type Party, type Phase, type PlayingSeat, type Scenario } from '../scenario/schema.js';
import type { z } from 'zod';
import * as A from './actions.js';
import type { Action, ActionOf, ActionType } from './actions.js';
import { applyEffects } from './effects.js';
import { emit, isParty, newId, otherParty, playingSeats } from './match.js';
import { FLOAT_NOISE, round1 } from './maths.js';
import {
  catalogueDemand,
  catalogueInstrument,
  clausesRefusal,
  demandBlockRefusal,
  demandBlocks,
  planCost,
  pressureRegion,
  refuse,
  summitInForce,
  tooManyOpen,
  type DemandBlock,
  type Table,
} from './queries.js';
import { capitulate } from './resolve.js';
import { concludeSettlement } from './settlement.js';
import { finishMatch } from './score.js';
import type { Match, Refusal, Seat } from './types.js';
import type { SeatView } from './view.js';

/** Who may take an action: a party, a mediator, either (a player), or the facilitator. */
export type Actor = 'party' | 'mediator' | 'player' | 'facilitator';

export interface Rule<T extends ActionType> {
  /** The message's shape (actions.ts). */
  schema: z.ZodType<ActionOf<T>>;
  by: Actor;
  phases: readonly Phase[] | 'any';
  /** Why it is not allowed now, once the seat and phase are right (checkAction checks those first), or null. */
  check(t: Table, s: Scenario, seat: Seat, a: ActionOf<T>): Refusal | null;
  /** What it does, on a draft of the match; only ever called after `check` passed. */
  apply(d: Match, seat: Seat, a: ActionOf<T>): void;
}

export const RULES: { readonly [T in ActionType]: Rule<T> } = {
  plan: {
    schema: A.planAction,
    by: 'party',
    phases: ['planning'],
    check(t, s, seat, a) {
      const party = seat as Party;
      for (const line of a.procure) {
        const item = s.procurement.find((p) => p.id === line.item);
        if (!item) return refuse('unknown_item', `no procurement item "${line.item}"`, { item: line.item });
        if (!item.buyers.includes(party)) return refuse('not_allowed', `${item.id} is not offered to ${party}`, { why: 'notOffered', item: item.id });
        if (t.embargoes.some((e) => e.supplier === item.supplier && e.until >= t.round)) return refuse('not_allowed', `supplier ${item.supplier} is under embargo`, { why: 'embargo', supplier: item.supplier });
      }
      const cost = planCost(s, a);
      const budget = t.parties[party].budget ?? 0;
      if (cost > budget + FLOAT_NOISE) return refuse('over_budget', `the plan costs ${round1(cost)} but the budget is ${round1(budget)}`, { cost: round1(cost), budget: round1(budget) });
      if (a.prepareEscalation !== null) {
        const r = s.regions.find((x) => x.id === a.prepareEscalation);
        if (!r) return refuse('unknown_region', `no region "${a.prepareEscalation}"`, { region: a.prepareEscalation });
        if (r.kind === 'context') return refuse('not_allowed', `${r.id} is outside the theatre`, { why: 'outsideTheatre', region: r.id });
      }
      return null;
    },
    apply(d, seat, a) {
      const party = seat as Party;
      d.parties[party].plan = { procure: a.procure.map((x) => ({ ...x })), reform: a.reform, diplomacy: a.diplomacy, prepareEscalation: a.prepareEscalation };
      emit(d, 'plan.saved', { cost: round1(planCost(d.scenario, a)) }, [party]);
    },
  },

  issueDemand: {
    schema: A.issueDemandAction,
    by: 'party',
    phases: ['demands', 'negotiation'],
    check(t, s, seat, a) {
      const from = seat as Party;
      if (a.deadline > s.demandRules.maxDeadline) return refuse('bad_action', `deadline: at most ${s.demandRules.maxDeadline} rounds from now`, { why: 'deadline', max: s.demandRules.maxDeadline });
      if (tooManyOpen(t, s, from)) return refuse('not_allowed', `at most ${s.demandRules.maxOpen} open demands at once`, { why: 'tooManyOpen', max: s.demandRules.maxOpen });
      if (a.demand === null) return a.text ? null : refuse('bad_action', 'a demand in your own words needs text', { why: 'needsText' });
      const def = catalogueDemand(s, a.demand);
      if (!def) return refuse('unknown_demand', `no demand "${a.demand}" in the catalogue`, { demand: a.demand });
      if (def.from !== from) return refuse('not_allowed', `"${def.id}" is a demand of ${def.from}`, { why: 'notYourDemand', demand: def.id });
      const [block] = demandBlocks(t, s, from, def);
      return block ? demandBlockRefusal(s, def, block) : null;
    },
    apply(d, seat, a) {
      const from = seat as Party;
      const id = newId(d, 'd');
      d.demands.push({
        id,
        def: a.demand,
        text: a.demand === null ? a.text! : null,
        from,
        to: otherParty(from),
        issued: d.round,
        deadline: d.round + a.deadline,
        stakes: a.stakes ?? null,
        status: 'open',
        escalate: null,
        counter: null,
        resolved: false,
      });
      d.stats.demandsIssued[from]++;
      emit(d, 'demand.issued', { id, from, to: otherParty(from), demand: a.demand ?? '', text: a.text ?? '' });
    },
  },

  respond: {
    schema: A.respondAction,
    by: 'party',
    phases: ['negotiation', 'response'],
    check(t, s, seat, a) {
      const dem = t.demands.find((d) => d.id === a.demand);
      if (!dem) return refuse('unknown_demand', `no demand "${a.demand}"`, { demand: a.demand });
      if (dem.to !== seat) return refuse('not_addressee', 'only the addressee answers a demand');
      if (dem.status !== 'open') return refuse('already_answered', `demand ${dem.id} is already ${dem.status}`, { why: 'demand', status: dem.status });
      if (a.answer === 'counter') return clausesRefusal(s, a.clauses);
      return a.clauses ? refuse('bad_action', 'clauses go only with a counter', { why: 'clausesOnlyCounter' }) : null;
    },
    apply(d, seat, a) {
      const target = d.demands.find((x) => x.id === a.demand)!;
      if (a.answer === 'counter') target.counter = addProposal(d, seat as Party, a.clauses!);
      target.status = a.answer === 'accept' ? 'accepted' : a.answer === 'refuse' ? 'refused' : 'countered';
      if (a.answer !== 'accept') d.stats.demandsRefused[target.from]++;
      const key = a.answer === 'accept' ? 'demand.accepted' : a.answer === 'refuse' ? 'demand.refused' : 'demand.countered';
      emit(d, key, { id: target.id, from: target.from, to: target.to, demand: target.def ?? '', counter: target.counter ?? '' });
    },
  },

  chooseEscalation: {
    schema: A.chooseEscalationAction,
    by: 'party',
    phases: ['response'],
    check(t, s, seat, a) {
      const dem = t.demands.find((d) => d.id === a.demand);
      if (!dem) return refuse('unknown_demand', `no demand "${a.demand}"`, { demand: a.demand });
      if (dem.from !== seat) return refuse('not_allowed', 'only the issuer decides what follows a refusal', { why: 'notIssuer' });
      if (dem.status !== 'refused' && dem.status !== 'countered') return refuse('not_allowed', `demand ${dem.id} was not refused`, { why: 'notRefused' });
      if (dem.escalate !== null) return refuse('already_answered', 'the choice for this demand is made', { why: 'choiceMade' });
      const region = a.region ?? pressureRegion(s, catalogueDemand(s, dem.def), seat as Party);
      if (a.escalate && !s.regions.some((r) => r.id === region && r.kind !== 'context')) return refuse('unknown_region', `no region "${region}" in the theatre`, { region: String(region) });
      return null;
    },
    apply(d, seat, a) {
      const target = d.demands.find((x) => x.id === a.demand)!;
      const region = a.region ?? pressureRegion(d.scenario, catalogueDemand(d.scenario, target.def), seat as Party);
      target.escalate = a.escalate ? { region } : false;
      // Only the issuer knows until resolution.
      emit(d, a.escalate ? 'escalation.chosen' : 'escalation.stoodDown', { id: target.id, region }, [seat as Party]);
    },
  },

  propose: {
    schema: A.proposeAction,
    by: 'player',
    phases: ['negotiation', 'response'],
    check: (_t, s, _seat, a) => clausesRefusal(s, a.clauses),
    apply(d, seat, a) {
      addProposal(d, seat as PlayingSeat, a.clauses);
    },
  },

  sign: {
    schema: A.signAction,
    by: 'party',
    phases: ['negotiation', 'response'],
    check(t, _s, seat, a) {
      const p = t.proposals.find((x) => x.id === a.proposal);
      if (!p) return refuse('unknown_proposal', `no proposal "${a.proposal}"`, { proposal: a.proposal });
      if (p.status !== 'open') return refuse('not_allowed', `proposal ${p.id} is ${p.status}`, { why: 'proposalClosed', proposal: p.id, status: p.status });
      if (p.signed.includes(seat as Party)) return refuse('already_answered', 'already signed', { why: 'signed' });
      return null;
    },
    apply(d, seat, a) {
      const target = d.proposals.find((x) => x.id === a.proposal)!;
      target.signed.push(seat as Party);
      emit(d, 'proposal.signed', { id: target.id, by: seat as Party });
      if (PARTIES.every((q) => target.signed.includes(q))) concludeSettlement(d, target);
    },
  },

  withdrawProposal: {
    schema: A.withdrawProposalAction,
    by: 'player',
    phases: ['negotiation', 'response'],
    check(t, _s, seat, a) {
      const p = t.proposals.find((x) => x.id === a.proposal);
      if (!p) return refuse('unknown_proposal', `no proposal "${a.proposal}"`, { proposal: a.proposal });
      if (p.by !== seat) return refuse('not_allowed', 'only its author withdraws a proposal', { why: 'notAuthor' });
      if (p.status !== 'open') return refuse('not_allowed', `proposal ${p.id} is ${p.status}`, { why: 'proposalClosed', proposal: p.id, status: p.status });
      return null;
    },
    apply(d, seat, a) {
      d.proposals.find((x) => x.id === a.proposal)!.status = 'withdrawn';
      emit(d, 'proposal.withdrawn', { id: a.proposal, by: seat as PlayingSeat });
    },
  },

  useInstrument: {
    schema: A.useInstrumentAction,
    by: 'mediator',
    phases: ['planning', 'negotiation'],
    check(t, s, seat, a) {
      const med = seat as Mediator;
      const inst = catalogueInstrument(s, a.instrument);
      if (!inst) return refuse('unknown_instrument', `no instrument "${a.instrument}"`, { instrument: a.instrument });
      if (!inst.by.includes(med)) return refuse('not_allowed', `${inst.id} is not an instrument of ${med}`, { why: 'notYourInstrument', instrument: inst.id });
      if (t.instruments.some((x) => x.id === inst.id && x.until >= t.round)) return refuse('not_allowed', `${inst.id} is already in force`, { why: 'inForce', instrument: inst.id });
      if (inst.kind === 'summit' && summitInForce(s, t)) return refuse('not_allowed', 'a summit is already convened this round', { why: 'summitThisRound' });
      const prestige = t.mediators[med]?.prestige ?? 0;
      if (prestige < inst.cost) return refuse('not_enough_prestige', `${inst.id} needs ${inst.cost} prestige, ${med} has ${round1(prestige)}`, { instrument: inst.id, cost: inst.cost, prestige: round1(prestige) });
      return null;
    },
    apply(d, seat, a) {
      const med = seat as Mediator;
      const inst = catalogueInstrument(d.scenario, a.instrument)!;
      d.mediators[med]!.prestige -= inst.cost;
      d.instruments.push({ id: inst.id, by: med, until: d.round + inst.lasts - 1 });
      applyEffects(d, inst.effects);
      emit(d, inst.kind === 'summit' ? 'summit.convened' : 'instrument.used', { id: inst.id, by: med });
    },
  },

  done: {
    schema: A.doneAction,
    by: 'player',
    phases: 'any',
    check(t, _s, seat, a) {
      if ((a.round !== undefined && a.round !== t.round) || (a.phase !== undefined && a.phase !== t.phase))
        return refuse('wrong_phase', `that phase has ended: it is ${t.phase} of round ${t.round} now`, { why: 'ended', phase: t.phase, round: t.round });
      return t.done.includes(seat as PlayingSeat) ? refuse('already_answered', 'already marked done', { why: 'done' }) : null;
    },
    apply(d, seat) {
      d.done.push(seat as PlayingSeat);
    },
  },

  capitulate: {
    schema: A.capitulateAction,
    by: 'party',
    phases: 'any',
    check: () => null,
    apply(d, seat) {
      capitulate(d, seat as Party);
    },
  },

  injectEvent: {
    schema: A.injectEventAction,
    by: 'facilitator',
    phases: 'any',
    check(t, s, _seat, a) {
      const card = a.event ? s.events.find((e) => e.id === a.event) : undefined;
      if (a.event && !card) return refuse('unknown_event', `no event "${a.event}" in the deck`, { event: a.event });
      const e = card ? card.effects : a.custom!.effects;
      const regions = [...(e.transfer ?? []).map((x) => x.region), ...Object.keys({ ...e.tension, ...e.peacekeepers, ...e.monitors, ...e.displaced })];
      // Own properties only: `constructor` is no region, though every object answers to it.
      for (const r of regions) if (!Object.hasOwn(t.regions, r)) return refuse('unknown_region', `no region "${r}"`, { region: r });
      if (e.embargo && !s.procurement.some((p) => p.supplier === e.embargo!.supplier)) return refuse('not_allowed', `no supplier "${e.embargo.supplier}"`, { why: 'noSupplier', supplier: e.embargo.supplier });
      if (e.modifier && !s.modifiers.some((x) => x.id === e.modifier!.id)) return refuse('not_allowed', `no modifier "${e.modifier.id}" in this scenario`, { why: 'noModifier', modifier: e.modifier.id });
      return null;
    },
    apply(d, _seat, a) {
      const card = a.event ? d.scenario.events.find((e) => e.id === a.event) : undefined;
      if (card) {
        applyEffects(d, card.effects);
        emit(d, 'event.drawn', { id: card.id, injected: 1 }, card.private.length ? card.private : null);
      } else {
        applyEffects(d, a.custom!.effects);
        emit(d, 'event.custom', { headline: a.custom!.headline.en, text: a.custom!.text.en });
      }
    },
  },

  setSeat: {
    schema: A.setSeatAction,
    by: 'facilitator',
    phases: 'any',
    check: (_t, s, _seat, a) => (playingSeats(s).includes(a.seat) ? null : refuse('wrong_seat', `${a.seat} is not a seat in this scenario`, { why: 'notInScenario', seat: a.seat })),
    apply(d, _seat, a) {
      d.seats[a.seat] = { controller: a.controller, ...(a.strategy ? { strategy: a.strategy } : {}) };
      emit(d, 'seat.changed', { seat: a.seat, controller: a.controller });
    },
  },

  endMatch: {
    schema: A.endMatchAction,
    by: 'facilitator',
    phases: 'any',
    check: () => null,
    apply(d) {
      emit(d, 'match.stopped', {});
      finishMatch(d, { kind: 'stopped', round: d.round });
    },
  },
};

/** The rule of an action. */
export const ruleOf = <T extends ActionType>(type: T): Rule<T> => RULES[type];

/** Why `seat` may never take actions of this rule (whatever the phase), or null. */
function seatRefusal(by: Actor, s: Scenario, seat: Seat): Refusal | null {
  const forFacilitator = by === 'facilitator';
  if (forFacilitator !== (seat === 'facilitator')) return refuse('wrong_seat', forFacilitator ? 'only the facilitator may do this' : 'the facilitator and spectators do not play moves', { why: forFacilitator ? 'facilitatorOnly' : 'notPlaying' });
  if (seat === 'spectator') return refuse('wrong_seat', 'spectators cannot act', { why: 'spectator' });
  if (forFacilitator) return null;
  if (!isParty(seat) && !s.mediators.includes(seat as Mediator)) return refuse('wrong_seat', `${seat} is not a seat in this scenario`, { why: 'notInScenario', seat });
  if (by === 'party' && !isParty(seat)) return refuse('wrong_seat', 'only Armenia and Azerbaijan may do this', { why: 'partiesOnly' });
  if (by === 'mediator' && isParty(seat)) return refuse('wrong_seat', 'only mediators use instruments', { why: 'mediatorsOnly' });
  return null;
}

const phaseRefusal = ({ phases }: Pick<Rule<ActionType>, 'phases'>, type: ActionType, phase: Phase): Refusal | null =>
  phases === 'any' || phases.includes(phase) ? null : refuse('wrong_phase', `${type} is allowed in the ${phases.join(' or ')} phase, not in ${phase}`, { action: type, phases: phases.join(' '), phase });

/**
 * Why `seat` may not take `action` now, or null: the whole of the rules, on a match or on a
 * seat's view (a view holds what its seat needs to know about its own moves).
 */
export function checkAction(t: Table, s: Scenario, seat: Seat, action: Action): Refusal | null {
  if (t.ended) return refuse('match_over', 'the match has ended');
  const rule: Rule<ActionType> = ruleOf(action.type);
  return seatRefusal(rule.by, s, seat) ?? phaseRefusal(rule, action.type, t.phase) ?? rule.check(t, s, seat, action);
}

const ACTION_TYPES = Object.keys(RULES) as ActionType[];

/** The kinds of action the view's seat may take now (its seat and the phase allow them). */
export function allowedActions(view: SeatView, s: Scenario): ActionType[] {
  if (view.ended) return [];
  return ACTION_TYPES.filter((type) => {
    const rule: Rule<ActionType> = ruleOf(type);
    return !seatRefusal(rule.by, s, view.seat) && !phaseRefusal(rule, type, view.phase);
  });
}

/** A catalogue demand of the view's party: whether it can be issued now (`refusal` null) and what stands in the way. */
export interface DemandOption {
  id: string;
  /** Everything in the way, in the order the rules check it. */
  blocks: DemandBlock[];
  /** What the rules would answer if it were issued now (null: it would be accepted). */
  refusal: Refusal | null;
}

/** The catalogue demands of the view's party (none for other seats), each with whether and why not it can be issued now. */
export function demandOptions(view: SeatView, s: Scenario): DemandOption[] {
  const seat = view.seat;
  if (!isParty(seat)) return [];
  const wrongPhase = phaseRefusal(RULES.issueDemand, 'issueDemand', view.phase) !== null;
  return s.demands
    .filter((d) => d.from === seat)
    .map((def) => ({
      id: def.id,
      blocks: [...(wrongPhase ? (['wrong_phase'] as const) : []), ...demandBlocks(view, s, seat, def)],
      refusal: checkAction(view, s, seat, { type: 'issueDemand', demand: def.id, deadline: 0 }),
    }));
}

/** Mediators lend their auspices to what they propose, and to what is proposed at their summit. */
function addProposal(d: Match, by: PlayingSeat, clauses: string[]): string {
  const id = newId(d, 'p');
  const summit = summitInForce(d.scenario, d);
  const auspices = isParty(by) ? (summit?.by ?? null) : (by as Mediator);
  // A party proposing a package is taken to sign it.
  d.proposals.push({ id, by, round: d.round, clauses: [...clauses], signed: isParty(by) ? [by] : [], status: 'open', auspices });
  emit(d, 'proposal.made', { id, by, clauses: clauses.join(',') });
  return id;
}
