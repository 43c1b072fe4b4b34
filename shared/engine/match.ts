// Creating a match, and small helpers every rule module uses (drafts for a change: draft.ts).
import { PARTIES, type Mediator, type Party, type PlayingSeat, type Scenario } from '../scenario/schema.js';
import { ratioOf } from './maths.js';
import { effectivePair } from './military.js';
import type { EventKey, EventParams, Match, MatchEvent, PartyState, RoundMeters, SeatConfig, Stats } from './types.js';
import { mixSeed } from './rng.js';

export const otherParty = (p: Party): Party => (p === 'armenia' ? 'azerbaijan' : 'armenia');
export const isParty = (s: string): s is Party => s === 'armenia' || s === 'azerbaijan';

const SEATS_OF = new WeakMap<Scenario, readonly PlayingSeat[]>();

/** Seats that play in this scenario: both parties and its mediators. */
export function playingSeats(scenario: Scenario): readonly PlayingSeat[] {
  // Asked for on every move (the server's rooms, the bots): made once per scenario, and frozen.
  let seats = SEATS_OF.get(scenario);
  if (!seats) SEATS_OF.set(scenario, (seats = Object.freeze([...PARTIES, ...scenario.mediators])));
  return seats;
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
    crises: zero(),
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
  // Built in one go (not key by key), so the record of regions keeps a fast layout (see draft.ts copyEach).
  const regions: Match['regions'] = Object.fromEntries(
    scenario.regions.map((r) => [r.id, { controller: r.controller, tension: r.tension, peacekeepers: r.peacekeepers, monitors: r.monitors, displaced: r.displaced }]),
  );
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

/** Record an event on a draft match; returns it so the caller can collect what an action produced. */
export function emit<K extends EventKey>(m: Match, key: K, params: EventParams[K], to: PlayingSeat[] | null = null): MatchEvent {
  const e: MatchEvent = { round: m.round, phase: m.phase, key, params, to };
  m.events.push(e);
  return e;
}

export function newId(m: Match, prefix: string): string {
  return `${prefix}${m.nextId++}`;
}

/** The meters at the end of a round, for charts and the debrief. */
export function meters(m: Match, round = m.round): RoundMeters {
  const effective = effectivePair(m.scenario, m.parties, m.turkishBacking);
  const prestige: RoundMeters['prestige'] = {};
  for (const k in m.mediators) prestige[k as Mediator] = m.mediators[k as Mediator]!.prestige;
  return {
    round,
    ratio: ratioOf(effective.azerbaijan, effective.armenia),
    effective,
    escalation: m.escalation,
    stability: m.stability,
    support: perParty((p) => m.parties[p].support),
    standing: perParty((p) => m.parties[p].standing),
    budget: perParty((p) => m.parties[p].budget),
    prestige,
  };
}
