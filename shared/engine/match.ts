// Creating a match, copying it for a change, and small helpers every rule module uses.
import { PARTIES, type Mediator, type Party, type PlayingSeat, type Scenario } from '../scenario/schema.js';
import { ratioOf } from './maths.js';
import { effectivePair } from './military.js';
import type { EventKey, EventParams, Match, MatchEvent, PartyState, RoundMeters, SeatConfig, Stats } from './types.js';
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

/** The match's object-valued fields, each with how a draft copies it before a rule changes it in place. */
const COPY: { [K in keyof Match]?: (x: Match[K]) => Match[K] } = {
  seats: (x) => ({ ...x }),
  parties: (x) => ({ armenia: cloneParty(x.armenia), azerbaijan: cloneParty(x.azerbaijan) }),
  mediators: (x) => {
    const out: Match['mediators'] = {};
    for (const k in x) out[k as Mediator] = { ...x[k as Mediator]! };
    return out;
  },
  regions: (x) => {
    const out: Match['regions'] = {};
    for (const k in x) out[k] = { ...x[k] };
    return out;
  },
  demands: (x) => x.map((d) => ({ ...d })),
  proposals: (x) => x.map((p) => ({ ...p, signed: [...p.signed] })),
  instruments: (x) => [...x],
  modifiers: (x) => [...x],
  embargoes: (x) => [...x],
  done: (x) => [...x],
  events: (x) => [...x],
  history: (x) => [...x],
  stats: (x) => ({
    demandsIssued: { ...x.demandsIssued },
    demandsAccepted: { ...x.demandsAccepted },
    demandsRefused: { ...x.demandsRefused },
    escalations: { ...x.escalations },
    escalationSuccesses: { ...x.escalationSuccesses },
    casualties: { ...x.casualties },
    displaced: x.displaced,
    maxEscalation: x.maxEscalation,
  }),
  log: (x) => [...x],
};
const COPIED = Object.keys(COPY) as (keyof typeof COPY)[];

function cloneParty(p: PartyState): PartyState {
  return { ...p, strength: { ...p.strength }, pipeline: [...p.pipeline], plan: p.plan, intel: p.intel };
}

/**
 * A draft of a match, for a rule to change in place; `finishDraft` turns it into the new match.
 * Copy on write, field by field: each object-valued field is copied (as deep as rules change it)
 * the first time the draft's field is read, and a field the rule never touched stays the
 * original's own object. A move copied every field of the match before (every region, demand,
 * meter and the whole log), most of it unchanged; the original is never changed either way.
 */
class Draft {
  [key: string]: unknown;
  constructor(readonly source: Match) {
    // Plain fields are copied now; the rest are read through the accessors below.
    for (const k in source) if (!(k in COPY)) this[k] = source[k as keyof Match];
  }
}
for (const k of COPIED) {
  const own = `own:${k}`;
  const copy = COPY[k] as (x: unknown) => unknown;
  Object.defineProperty(Draft.prototype, k, {
    get(this: Draft) {
      return (this[own] ??= copy(this.source[k]));
    },
    set(this: Draft, v: unknown) {
      this[own] = v;
    },
  });
}

/**
 * A whole copy that a rule may change without touching the original (the scenario is shared).
 * For a phase change, which touches most fields: plain fields read faster than a draft's.
 */
export function cloneMatch(m: Match): Match {
  const c = COPY as Required<{ [K in keyof typeof COPY]: (x: Match[K]) => Match[K] }>;
  return {
    ...m,
    seats: c.seats(m.seats),
    parties: c.parties(m.parties),
    mediators: c.mediators(m.mediators),
    regions: c.regions(m.regions),
    demands: c.demands(m.demands),
    proposals: c.proposals(m.proposals),
    instruments: c.instruments(m.instruments),
    modifiers: c.modifiers(m.modifiers),
    embargoes: c.embargoes(m.embargoes),
    done: c.done(m.done),
    events: c.events(m.events),
    history: c.history(m.history),
    stats: c.stats(m.stats),
    log: c.log(m.log),
  };
}

/** A draft of `m`: change it as a Match, then `finishDraft` it. */
export function draftMatch(m: Match): Match {
  return new Draft(m) as unknown as Match;
}

/** The new match a draft became: touched fields are the draft's copies, the others the original's. */
export function finishDraft(draft: Match): Match {
  const d = draft as unknown as Draft;
  const f = <K extends keyof Match>(k: K): Match[K] => (d[`own:${k}`] ?? d.source[k]) as Match[K];
  const p = <K extends keyof Match>(k: K): Match[K] => d[k] as Match[K];
  return {
    scenario: p('scenario'),
    seed: p('seed'),
    rng: p('rng'),
    round: p('round'),
    phase: p('phase'),
    seats: f('seats'),
    parties: f('parties'),
    mediators: f('mediators'),
    escalation: p('escalation'),
    warRounds: p('warRounds'),
    stability: p('stability'),
    turkishBacking: p('turkishBacking'),
    appetite: p('appetite'),
    regions: f('regions'),
    demands: f('demands'),
    proposals: f('proposals'),
    instruments: f('instruments'),
    modifiers: f('modifiers'),
    embargoes: f('embargoes'),
    done: f('done'),
    settlement: p('settlement'),
    ended: p('ended'),
    nextId: p('nextId'),
    events: f('events'),
    history: f('history'),
    stats: f('stats'),
    log: f('log'),
  };
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
