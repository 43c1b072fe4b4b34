// Creating a match, copying it for a change, and small helpers every rule module uses.
import { PARTIES, type Mediator, type Party, type PlayingSeat, type Scenario } from '../scenario/schema.js';
import { effectivePair } from './military.js';
import type { Match, MatchEvent, PartyState, RoundMeters, SeatConfig, Stats } from './types.js';
import { mixSeed } from './rng.js';

export const otherParty = (p: Party): Party => (p === 'armenia' ? 'azerbaijan' : 'armenia');
export const isParty = (s: string): s is Party => s === 'armenia' || s === 'azerbaijan';

/** Seats that play in this scenario: both parties and its mediators. */
export function playingSeats(scenario: Scenario): PlayingSeat[] {
  return [...PARTIES, ...scenario.mediators];
}

const perParty = <T>(f: (p: Party) => T): Record<Party, T> => ({ armenia: f('armenia'), azerbaijan: f('azerbaijan') });

function emptyStats(): Stats {
  const zero = () => perParty(() => 0);
  return {
    demandsIssued: zero(),
    demandsAccepted: zero(),
    demandsRefused: zero(),
    escalations: zero(),
    escalationSuccesses: zero(),
    casualties: zero(),
    displaced: 0,
    maxEscalation: 0,
  };
}

/** The starting state, before round 1's news is drawn (see createMatch). */
export function initialMatch(scenario: Scenario, seed: number, seatConfig: SeatConfig = {}): Match {
  const seats: SeatConfig = {};
  for (const s of playingSeats(scenario)) seats[s] = seatConfig[s] ?? { controller: 'bot' };
  const parties = perParty<PartyState>((p) => {
    const start = scenario.parties[p];
    return {
      strength: { ...start.strength },
      budget: start.budget,
      support: start.support,
      standing: start.standing,
      reform: 0,
      pipeline: [],
      plan: null,
      revealed: 0,
      concessions: 0,
      intel: null,
    };
  });
  const mediators: Match['mediators'] = {};
  for (const m of scenario.mediators) mediators[m] = { prestige: scenario.mediatorStart[m]!.prestige };
  const regions: Match['regions'] = {};
  for (const r of scenario.regions) {
    regions[r.id] = { controller: r.controller, tension: r.tension, peacekeepers: r.peacekeepers, monitors: r.monitors, displaced: r.displaced };
  }
  const match: Match = {
    scenario,
    seed: seed >>> 0,
    rng: mixSeed(seed >>> 0, scenario.id),
    round: 1,
    phase: 'news',
    seats,
    parties,
    mediators,
    escalation: scenario.startingEscalation,
    warRounds: 0,
    stability: scenario.startingStability,
    turkishBacking: scenario.military.turkishBacking,
    appetite: scenario.appetite.start,
    regions,
    demands: [],
    proposals: [],
    instruments: [],
    modifiers: [],
    embargoes: [],
    done: [],
    issuedCount: {},
    settlement: null,
    ended: null,
    nextId: 1,
    events: [],
    history: [],
    stats: emptyStats(),
    log: [],
  };
  match.history.push(meters(match, 0));
  return match;
}

/**
 * A copy that a rule may change without touching the original. Hand-written rather than
 * structuredClone: the scenario is shared, and round resolution must stay cheap.
 */
export function cloneMatch(m: Match): Match {
  const regions: Match['regions'] = {};
  for (const k in m.regions) regions[k] = { ...m.regions[k] };
  const mediators: Match['mediators'] = {};
  for (const k in m.mediators) mediators[k as Mediator] = { ...m.mediators[k as Mediator]! };
  const stats = m.stats;
  return {
    ...m,
    seats: { ...m.seats },
    parties: { armenia: cloneParty(m.parties.armenia), azerbaijan: cloneParty(m.parties.azerbaijan) },
    mediators,
    regions,
    demands: m.demands.map((d) => ({ ...d })),
    proposals: m.proposals.map((p) => ({ ...p, signed: [...p.signed] })),
    instruments: [...m.instruments],
    modifiers: [...m.modifiers],
    embargoes: [...m.embargoes],
    done: [...m.done],
    issuedCount: { ...m.issuedCount },
    events: [...m.events],
    history: [...m.history],
    stats: {
      demandsIssued: { ...stats.demandsIssued },
      demandsAccepted: { ...stats.demandsAccepted },
      demandsRefused: { ...stats.demandsRefused },
      escalations: { ...stats.escalations },
      escalationSuccesses: { ...stats.escalationSuccesses },
      casualties: { ...stats.casualties },
      displaced: stats.displaced,
      maxEscalation: stats.maxEscalation,
    },
    log: [...m.log],
  };
}

function cloneParty(p: PartyState): PartyState {
  return { ...p, strength: { ...p.strength }, pipeline: [...p.pipeline], plan: p.plan, intel: p.intel };
}

/** Record an event on a draft match; returns it so the caller can collect what an action produced. */
export function emit(m: Match, key: string, params: MatchEvent['params'] = {}, to: PlayingSeat[] | null = null): MatchEvent {
  const e: MatchEvent = { round: m.round, phase: m.phase, key, params, to };
  m.events.push(e);
  return e;
}

export function newId(m: Match, prefix: string): string {
  return `${prefix}${m.nextId++}`;
}

export function hasModifier(m: Match, id: string): boolean {
  return m.modifiers.some((x) => x.id === id && x.until >= m.round);
}

/** The meters at the end of a round, for charts and the debrief. */
export function meters(m: Match, round = m.round): RoundMeters {
  const effective = effectivePair(m.scenario, m.parties, m.turkishBacking);
  const prestige: RoundMeters['prestige'] = {};
  for (const k in m.mediators) prestige[k as Mediator] = m.mediators[k as Mediator]!.prestige;
  return {
    round,
    ratio: effective.azerbaijan / Math.max(1e-6, effective.armenia),
    effective,
    escalation: m.escalation,
    stability: m.stability,
    support: perParty((p) => m.parties[p].support),
    standing: perParty((p) => m.parties[p].standing),
    budget: perParty((p) => m.parties[p].budget),
    prestige,
  };
}
