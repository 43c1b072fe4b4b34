// The match: plain data, so it can be stored, replayed and sent. Rules live in the engine modules.
import type { Components, Mediator, Party, Phase, PlayingSeat, Scenario } from '../scenario/schema.js';
import type { Action } from './actions.js';

export type Seat = PlayingSeat | 'facilitator' | 'spectator';
export type Controller = 'human' | 'bot';
export type SeatConfig = Partial<Record<PlayingSeat, { controller: Controller; strategy?: string }>>;

export interface Delivery {
  itemId: string;
  component: keyof Components;
  gain: number;
  arrives: number; // round
  supplier: string;
}

/** A party's secret plan for the round; replaced whole by each `plan` action. */
export interface Plan {
  procure: { item: string; qty: number }[];
  reform: number;
  diplomacy: number;
  prepareEscalation: string | null; // region id
}

export interface PartyState {
  strength: Components;
  budget: number; // available this round
  support: number;
  standing: number;
  reform: number; // effectiveness bonus, 0..reformCap
  pipeline: Delivery[];
  plan: Plan | null;
  revealed: number; // round until which the other side sees true figures
  concessions: number; // total weight of demands accepted
  intel: Intel | null; // latest estimate of the other party
}

export interface Intel {
  round: number;
  /** Range of the other side's effective strength and per component. */
  effective: [number, number];
  components: Record<keyof Components, [number, number]>;
  /** Range of how many deliveries the other side has on order. */
  orders: [number, number];
}

export interface MediatorState {
  prestige: number;
}

/**
 * `accepted`: the addressee gave way; `imposed`: it refused and the issuer forced the demand
 * through (a successful escalation, or the addressee's capitulation). Both mean it happened
 * (`wentThrough`, queries.ts).
 */
export type DemandStatus = 'open' | 'accepted' | 'imposed' | 'refused' | 'countered' | 'expired' | 'withdrawn';

export interface Demand {
  id: string; // instance id, e.g. d3
  def: string | null; // catalogue id, null for a demand in the issuer's own words
  text: string | null; // custom text
  from: Party;
  to: Party;
  issued: number; // round
  deadline: number; // round by whose response phase it must be answered
  stakes: string | null;
  status: DemandStatus;
  /** For a refused demand: whether the issuer escalates, once chosen. */
  escalate: { region: string } | false | null;
  counter: string | null; // proposal id offered instead
  resolved: boolean; // consequences applied at a resolution
}

export interface Proposal {
  id: string; // p1…
  by: PlayingSeat;
  round: number;
  clauses: string[];
  signed: Party[];
  status: 'open' | 'withdrawn' | 'signed';
  /** Mediator under whose auspices it was made, if any. */
  auspices: Mediator | null;
}

export interface ActiveInstrument {
  id: string;
  by: Mediator;
  until: number; // last round in force
}

export interface RegionState {
  controller: string;
  tension: number;
  peacekeepers: boolean;
  monitors: boolean;
  displaced: number;
}

export interface Settlement {
  round: number;
  proposal: string;
  clauses: string[];
  auspices: Mediator | null;
  ratio: number; // balance at signing
  concessionBalance: number; // 0..1
  durability: number; // 0..100
}

export type Ending =
  | { kind: 'settlement'; round: number }
  | { kind: 'war'; round: number }
  | { kind: 'capitulation'; round: number; party: Party }
  | { kind: 'rounds'; round: number }
  | { kind: 'stopped'; round: number };

/** How a demand stands after an answer or at resolution, as its events tell it. */
type DemandNews = { id: string; from: Party; to: Party; demand: string };
type EscalationNews = { id: string; attacker: Party; region: string; chance: number; lostA: number; lostD: number };

/**
 * Every event the engine records, with its params (shared/locales/en.json has a sentence for
 * each). An id param is the demand's, proposal's, instrument's or event card's; `demand` is a
 * catalogue id or '' for a demand in the issuer's own words.
 */
export type EventParams = {
  'plan.saved': { cost: number };
  'demand.issued': DemandNews & { text: string };
  'demand.accepted': DemandNews & { counter: string };
  'demand.refused': DemandNews & { counter: string };
  'demand.countered': DemandNews & { counter: string };
  'demand.expired': { id: string; from: Party };
  'demand.implemented': DemandNews;
  'demand.coerced': DemandNews;
  'escalation.chosen': { id: string; region: string };
  'escalation.stoodDown': { id: string; region: string };
  'escalation.success': EscalationNews & { displaced: number };
  'escalation.failure': EscalationNews;
  'proposal.made': { id: string; by: PlayingSeat; clauses: string };
  'proposal.signed': { id: string; by: Party };
  'proposal.withdrawn': { id: string; by: PlayingSeat };
  'settlement.signed': { id: string; durability: number; auspices: string };
  'summit.convened': { id: string; by: Mediator };
  'instrument.used': { id: string; by: Mediator };
  'event.drawn': { id: string } | { id: string; injected: number };
  'event.custom': { headline: string; text: string };
  'intel.estimate': { of: Party; low: number; high: number; exact: number; ordersLow: number; ordersHigh: number };
  'intel.mediator': { armenia: string; azerbaijan: string; armeniaRedLine: string; azerbaijanRedLine: string };
  'delivery.arrived': { item: string };
  'delivery.failed': { item: string; embargo: number };
  'crisis.government': { party: Party };
  'seat.changed': { seat: PlayingSeat; controller: Controller };
  'round.report': { round: number };
  'match.capitulation': { party: Party };
  'match.stopped': Record<string, never>;
  'match.ended': { kind: Ending['kind']; round: number };
};
export type EventKey = keyof EventParams;

/** Something that happened, rendered through the locale files; `to` limits who may see it. */
export interface MatchEvent {
  round: number;
  phase: Phase;
  key: EventKey;
  params: Record<string, string | number>;
  to: PlayingSeat[] | null; // null: public
}

export interface RoundMeters {
  round: number;
  ratio: number;
  effective: Record<Party, number>;
  escalation: number;
  stability: number;
  support: Record<Party, number>;
  standing: Record<Party, number>;
  budget: Record<Party, number>;
  prestige: Partial<Record<Mediator, number>>;
}

/** The record of every input: with the scenario and seed it rebuilds the match. */
export type LogEntry =
  | { kind: 'action'; seat: Seat; action: Action }
  | { kind: 'advance' };

export interface Stats {
  demandsIssued: Record<Party, number>;
  demandsAccepted: Record<Party, number>; // by issuer, accepted or imposed
  demandsRefused: Record<Party, number>;
  escalations: Record<Party, number>;
  escalationSuccesses: Record<Party, number>;
  casualties: Record<Party, number>;
  displaced: number;
  maxEscalation: number;
  /** Government crises per party. */
  crises: Record<Party, number>;
}

export interface Match {
  scenario: Scenario;
  seed: number;
  rng: number; // PRNG state, advanced only by the engine
  round: number;
  phase: Phase;
  seats: SeatConfig;
  parties: Record<Party, PartyState>;
  mediators: Partial<Record<Mediator, MediatorState>>;
  escalation: number;
  warRounds: number;
  stability: number;
  turkishBacking: number;
  /** Baku's appetite for more (public): acceptances raise it, repelled escalations and events move it; backing down costs Azerbaijan support in proportion. */
  appetite: number;
  regions: Record<string, RegionState>;
  demands: Demand[];
  proposals: Proposal[];
  instruments: ActiveInstrument[];
  modifiers: { id: string; until: number }[];
  embargoes: { supplier: string; until: number }[];
  /** Seats that said they are done with the current phase. */
  done: PlayingSeat[];
  settlement: Settlement | null;
  ended: Ending | null;
  nextId: number;
  events: MatchEvent[];
  history: RoundMeters[];
  stats: Stats;
  log: LogEntry[];
}

/** `reason` is for people reading logs (English); `params` lets an interface say it in its own words: ids, figures and,
 *  where one code covers several rules, `why` (the rule's name, e.g. `embargo`). */
export type Refusal = { ok: false; code: RefusalCode; reason: string; params?: RefusalParams };
export type RefusalParams = Record<string, string | number>;
export type RefusalCode =
  | 'bad_action'
  | 'wrong_seat'
  | 'wrong_phase'
  | 'over_budget'
  | 'unknown_demand'
  | 'unknown_item'
  | 'unknown_region'
  | 'unknown_clause'
  | 'unknown_proposal'
  | 'unknown_instrument'
  | 'unknown_event'
  | 'not_addressee'
  | 'already_answered'
  | 'no_repeats_left'
  | 'not_enough_prestige'
  | 'match_over'
  | 'not_allowed';

export type ActionResult = { ok: true; match: Match; events: MatchEvent[] } | Refusal;
