// applyAction: check who may do what in which phase, then change a copy of the match.
import { PARTIES, type Mediator, type Party, type Phase, type PlayingSeat } from '../scenario/schema.js';
import { actionSchema, type Action, type ActionOf } from './actions.js';
import { applyEffects } from './effects.js';
import { draftMatch, emit, finishDraft, isParty, newId, otherParty, playingSeats } from './match.js';
import { concludeSettlement } from './settlement.js';
import { finishMatch } from './score.js';
import type { ActionResult, Match, MatchEvent, Refusal, RefusalCode, Seat } from './types.js';

const refuse = (code: RefusalCode, reason: string): Refusal => ({ ok: false, code, reason });

/** Phases in which each action is allowed; facilitator actions are allowed in every phase. */
export const ACTION_PHASES: Record<Action['type'], readonly Phase[] | 'any'> = {
  plan: ['planning'],
  issueDemand: ['demands', 'negotiation'],
  respond: ['negotiation', 'response'],
  chooseEscalation: ['response'],
  propose: ['negotiation', 'response'],
  sign: ['negotiation', 'response'],
  withdrawProposal: ['negotiation', 'response'],
  useInstrument: ['planning', 'negotiation'],
  done: 'any',
  capitulate: 'any',
  injectEvent: 'any',
  setSeat: 'any',
  endMatch: 'any',
};

const FACILITATOR_ACTIONS = new Set(['injectEvent', 'setSeat', 'endMatch']);
const PARTY_ACTIONS = new Set(['plan', 'issueDemand', 'respond', 'chooseEscalation', 'sign', 'capitulate']);
const MAX_OPEN_DEMANDS = 3;

type Handler<T extends Action['type']> = (m: Match, seat: Seat, a: ActionOf<T>) => Refusal | ((draft: Match) => void);

/**
 * Apply one seat's action. A refusal leaves the match untouched; on success the result holds a
 * new match (the old one is not modified) and the events this action produced.
 */
export function applyAction(match: Match, seat: Seat, raw: unknown): ActionResult {
  const parsed = actionSchema.safeParse(raw);
  if (!parsed.success) return refuse('bad_action', parsed.error.issues.map((i) => `${i.path.join('.') || 'action'}: ${i.message}`).join('; '));
  const action = parsed.data;
  if (match.ended) return refuse('match_over', 'the match has ended');
  const isFacilitatorAction = FACILITATOR_ACTIONS.has(action.type);
  if (isFacilitatorAction !== (seat === 'facilitator')) {
    return refuse('wrong_seat', isFacilitatorAction ? 'only the facilitator may do this' : 'the facilitator and spectators do not play moves');
  }
  if (seat === 'spectator') return refuse('wrong_seat', 'spectators cannot act');
  if (!isFacilitatorAction && !playingSeats(match.scenario).includes(seat as PlayingSeat)) return refuse('wrong_seat', `${seat} is not a seat in this scenario`);
  if (PARTY_ACTIONS.has(action.type) && !isParty(seat)) return refuse('wrong_seat', 'only Armenia and Azerbaijan may do this');
  if (action.type === 'useInstrument' && isParty(seat)) return refuse('wrong_seat', 'only mediators use instruments');
  const phases = ACTION_PHASES[action.type];
  if (phases !== 'any' && !phases.includes(match.phase)) return refuse('wrong_phase', `${action.type} is allowed in the ${phases.join(' or ')} phase, not in ${match.phase}`);

  const check = (handlers[action.type] as Handler<typeof action.type>)(match, seat, action as never);
  if (typeof check !== 'function') return check;
  const draft = draftMatch(match);
  const before = match.events.length;
  draft.log.push({ kind: 'action', seat, action });
  check(draft);
  const next = finishDraft(draft);
  return { ok: true, match: next, events: next.events.slice(before) as MatchEvent[] };
}

const handlers: { [T in Action['type']]: Handler<T> } = {
  plan(m, seat, a) {
    const party = seat as Party;
    const s = m.scenario;
    let cost = a.reform + a.diplomacy;
    for (const line of a.procure) {
      const item = s.procurement.find((p) => p.id === line.item);
      if (!item) return refuse('unknown_item', `no procurement item "${line.item}"`);
      if (!item.buyers.includes(party)) return refuse('not_allowed', `${item.id} is not offered to ${party}`);
      if (m.embargoes.some((e) => e.supplier === item.supplier && e.until >= m.round)) return refuse('not_allowed', `supplier ${item.supplier} is under embargo`);
      cost += item.cost * line.qty;
    }
    if (cost > m.parties[party].budget + 1e-9) return refuse('over_budget', `the plan costs ${round1(cost)} but the budget is ${round1(m.parties[party].budget)}`);
    if (a.prepareEscalation !== null) {
      const r = s.regions.find((x) => x.id === a.prepareEscalation);
      if (!r) return refuse('unknown_region', `no region "${a.prepareEscalation}"`);
      if (r.kind === 'context') return refuse('not_allowed', `${r.id} is outside the theatre`);
    }
    return (d) => {
      d.parties[party].plan = { procure: a.procure.map((x) => ({ ...x })), reform: a.reform, diplomacy: a.diplomacy, prepareEscalation: a.prepareEscalation };
      emit(d, 'plan.saved', { cost: round1(cost) }, [party]);
    };
  },

  issueDemand(m, seat, a) {
    const from = seat as Party;
    const open = m.demands.filter((d) => d.from === from && d.status === 'open').length;
    if (open >= MAX_OPEN_DEMANDS) return refuse('not_allowed', `at most ${MAX_OPEN_DEMANDS} open demands at once`);
    if (a.demand === null && !a.text) return refuse('bad_action', 'a demand in your own words needs text');
    if (a.demand !== null) {
      const def = m.scenario.demands.find((d) => d.id === a.demand);
      if (!def) return refuse('unknown_demand', `no demand "${a.demand}" in the catalogue`);
      if (def.from !== from) return refuse('not_allowed', `"${def.id}" is a demand of ${def.from}`);
      if ((m.issuedCount[def.id] ?? 0) >= def.repeats) return refuse('no_repeats_left', `"${def.id}" cannot be issued again`);
      if (m.demands.some((d) => d.def === def.id && d.status === 'open')) return refuse('not_allowed', `"${def.id}" is already on the table`);
    }
    return (d) => {
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
      if (a.demand) d.issuedCount[a.demand] = (d.issuedCount[a.demand] ?? 0) + 1;
      d.stats.demandsIssued[from]++;
      emit(d, 'demand.issued', { id, from, to: otherParty(from), demand: a.demand ?? '', text: a.text ?? '' });
    };
  },

  respond(m, seat, a) {
    const dem = m.demands.find((d) => d.id === a.demand);
    if (!dem) return refuse('unknown_demand', `no demand "${a.demand}"`);
    if (dem.to !== seat) return refuse('not_addressee', 'only the addressee answers a demand');
    if (dem.status !== 'open') return refuse('already_answered', `demand ${dem.id} is already ${dem.status}`);
    if (a.answer === 'counter') {
      const bad = checkClauses(m, a.clauses);
      if (bad) return bad;
    } else if (a.clauses) return refuse('bad_action', 'clauses go only with a counter');
    return (d) => {
      const target = d.demands.find((x) => x.id === a.demand)!;
      if (a.answer === 'accept') target.status = 'accepted';
      else if (a.answer === 'refuse') target.status = 'refused';
      else {
        target.status = 'countered';
        target.counter = addProposal(d, seat as Party, a.clauses!);
      }
      if (a.answer !== 'accept') d.stats.demandsRefused[target.from]++;
      emit(d, `demand.${target.status}`, { id: target.id, from: target.from, to: target.to, demand: target.def ?? '', counter: target.counter ?? '' });
    };
  },

  chooseEscalation(m, seat, a) {
    const dem = m.demands.find((d) => d.id === a.demand);
    if (!dem) return refuse('unknown_demand', `no demand "${a.demand}"`);
    if (dem.from !== seat) return refuse('not_allowed', 'only the issuer decides what follows a refusal');
    if (dem.status !== 'refused' && dem.status !== 'countered') return refuse('not_allowed', `demand ${dem.id} was not refused`);
    if (dem.escalate !== null) return refuse('already_answered', 'the choice for this demand is made');
    const region = a.region ?? defaultPressure(m, dem.def, seat as Party);
    if (a.escalate && !m.scenario.regions.some((r) => r.id === region && r.kind !== 'context')) return refuse('unknown_region', `no region "${region}" in the theatre`);
    return (d) => {
      const target = d.demands.find((x) => x.id === a.demand)!;
      target.escalate = a.escalate ? { region } : false;
      // Only the issuer knows until resolution.
      emit(d, a.escalate ? 'escalation.chosen' : 'escalation.stoodDown', { id: target.id, region }, [seat as Party]);
    };
  },

  propose(m, seat, a) {
    const bad = checkClauses(m, a.clauses);
    if (bad) return bad;
    return (d) => {
      addProposal(d, seat as PlayingSeat, a.clauses);
    };
  },

  sign(m, seat, a) {
    const p = m.proposals.find((x) => x.id === a.proposal);
    if (!p) return refuse('unknown_proposal', `no proposal "${a.proposal}"`);
    if (p.status !== 'open') return refuse('not_allowed', `proposal ${p.id} is ${p.status}`);
    if (p.signed.includes(seat as Party)) return refuse('already_answered', 'already signed');
    return (d) => {
      const target = d.proposals.find((x) => x.id === a.proposal)!;
      target.signed.push(seat as Party);
      emit(d, 'proposal.signed', { id: target.id, by: seat });
      if (PARTIES.every((q) => target.signed.includes(q))) concludeSettlement(d, target);
    };
  },

  withdrawProposal(m, seat, a) {
    const p = m.proposals.find((x) => x.id === a.proposal);
    if (!p) return refuse('unknown_proposal', `no proposal "${a.proposal}"`);
    if (p.by !== seat) return refuse('not_allowed', 'only its author withdraws a proposal');
    if (p.status !== 'open') return refuse('not_allowed', `proposal ${p.id} is ${p.status}`);
    return (d) => {
      d.proposals.find((x) => x.id === a.proposal)!.status = 'withdrawn';
      emit(d, 'proposal.withdrawn', { id: a.proposal, by: seat });
    };
  },

  useInstrument(m, seat, a) {
    const med = seat as Mediator;
    const inst = m.scenario.instruments.find((x) => x.id === a.instrument);
    if (!inst) return refuse('unknown_instrument', `no instrument "${a.instrument}"`);
    if (!inst.by.includes(med)) return refuse('not_allowed', `${inst.id} is not an instrument of ${med}`);
    if (m.instruments.some((x) => x.id === inst.id && x.until >= m.round)) return refuse('not_allowed', `${inst.id} is already in force`);
    if (inst.kind === 'summit' && m.instruments.some((x) => x.until >= m.round && kindOf(m, x.id) === 'summit')) {
      return refuse('not_allowed', 'a summit is already convened this round');
    }
    const prestige = m.mediators[med]?.prestige ?? 0;
    if (prestige < inst.cost) return refuse('not_enough_prestige', `${inst.id} needs ${inst.cost} prestige, ${med} has ${round1(prestige)}`);
    return (d) => {
      d.mediators[med]!.prestige -= inst.cost;
      d.instruments.push({ id: inst.id, by: med, until: d.round + inst.lasts - 1 });
      applyEffects(d, inst.effects);
      emit(d, inst.kind === 'summit' ? 'summit.convened' : 'instrument.used', { id: inst.id, by: med });
    };
  },

  done(m, seat) {
    if (m.done.includes(seat as PlayingSeat)) return refuse('already_answered', 'already marked done');
    return (d) => {
      d.done.push(seat as PlayingSeat);
    };
  },

  capitulate(_m, seat) {
    return (d) => {
      emit(d, 'match.capitulation', { party: seat });
      finishMatch(d, { kind: 'capitulation', round: d.round, party: seat as Party });
    };
  },

  injectEvent(m, _seat, a) {
    const card = a.event ? m.scenario.events.find((e) => e.id === a.event) : undefined;
    if (a.event && !card) return refuse('unknown_event', `no event "${a.event}" in the deck`);
    const effects = card ? card.effects : a.custom!.effects;
    const bad = checkEffectRegions(m, effects);
    if (bad) return bad;
    return (d) => {
      applyEffects(d, effects);
      if (card) emit(d, 'event.drawn', { id: card.id, injected: 1 }, card.private.length ? card.private : null);
      else emit(d, 'event.custom', { headline: a.custom!.headline.en, text: a.custom!.text.en });
    };
  },

  setSeat(m, _seat, a) {
    if (!playingSeats(m.scenario).includes(a.seat)) return refuse('wrong_seat', `${a.seat} is not a seat in this scenario`);
    return (d) => {
      d.seats[a.seat] = { controller: a.controller, ...(a.strategy ? { strategy: a.strategy } : {}) };
      emit(d, 'seat.changed', { seat: a.seat, controller: a.controller });
    };
  },

  endMatch() {
    return (d) => {
      emit(d, 'match.stopped', {});
      finishMatch(d, { kind: 'stopped', round: d.round });
    };
  },
};

function checkClauses(m: Match, clauses: string[] | undefined): Refusal | null {
  if (!clauses?.length) return refuse('bad_action', 'a proposal needs clauses');
  if (new Set(clauses).size !== clauses.length) return refuse('bad_action', 'a clause is listed twice');
  for (const c of clauses) if (!m.scenario.clauses.some((x) => x.id === c)) return refuse('unknown_clause', `no clause "${c}"`);
  if (clauses.length < m.scenario.settlement.minClauses) return refuse('not_allowed', `a package needs at least ${m.scenario.settlement.minClauses} clauses`);
  return null;
}

function checkEffectRegions(m: Match, e: import('../scenario/schema.js').Effects): Refusal | null {
  const regions = [...(e.transfer ?? []).map((t) => t.region), ...Object.keys({ ...e.tension, ...e.peacekeepers, ...e.monitors, ...e.displaced })];
  for (const r of regions) if (!m.regions[r]) return refuse('unknown_region', `no region "${r}"`);
  if (e.embargo && !m.scenario.procurement.some((p) => p.supplier === e.embargo!.supplier)) return refuse('not_allowed', `no supplier "${e.embargo.supplier}"`);
  return null;
}

/** Mediators lend their auspices to what they propose, and to what is proposed at their summit. */
function addProposal(d: Match, by: PlayingSeat, clauses: string[]): string {
  const id = newId(d, 'p');
  const summit = d.instruments.find((x) => x.until >= d.round && kindOf(d, x.id) === 'summit');
  const auspices = isParty(by) ? (summit?.by ?? null) : (by as Mediator);
  // A party proposing a package is taken to sign it.
  d.proposals.push({ id, by, round: d.round, clauses: [...clauses], signed: isParty(by) ? [by] : [], status: 'open', auspices });
  emit(d, 'proposal.made', { id, by, clauses: clauses.join(',') });
  return id;
}

function kindOf(m: Match, instrumentId: string) {
  return m.scenario.instruments.find((x) => x.id === instrumentId)?.kind;
}

export function defaultPressure(m: Match, def: string | null, issuer: Party): string {
  const d = def ? m.scenario.demands.find((x) => x.id === def) : undefined;
  if (d) return d.pressure;
  const target = otherParty(issuer);
  return m.scenario.regions.find((r) => r.kind === 'border' && r.country === target)?.id ?? m.scenario.regions.find((r) => r.kind !== 'context')!.id;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
