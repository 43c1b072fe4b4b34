// viewFor: what one seat may see. Parties see their own plans, budget and deliveries; the other
// side only as an intelligence estimate. Everything is open to the facilitator and after the end.
import { PARTIES, type Components, type Mediator, type Party, type Phase, type PlayingSeat } from '../scenario/schema.js';
import type { Scenario } from '../scenario/schema.js';
import { isParty } from './match.js';
import { midpoint, offZero, ratioOf } from './maths.js';
import { effectivePair, gapWords, type Gap } from './military.js';
import { mixSeed, step } from './rng.js';
import type { ActiveInstrument, Demand, Ending, Intel, Match, MatchEvent, PartyState, Proposal, RegionState, RoundMeters, Seat, SeatConfig, Settlement } from './types.js';

/** What anyone knows of a party: polls, standing and its published defence budget. */
export interface PublicParty {
  support: number;
  standing: number;
  baseBudget: number;
  concessions: number;
}

export interface OwnParty extends PublicParty {
  strength: Components;
  budget: number;
  reform: number;
  pipeline: PartyState['pipeline'];
  plan: PartyState['plan'];
  intel: Intel | null;
}

export interface SeatView {
  scenarioId: string;
  seat: Seat;
  round: number;
  rounds: number;
  phase: Phase;
  ended: Ending | null;
  seats: SeatConfig;
  escalation: number;
  stability: number;
  regions: Record<string, RegionState>;
  demands: Demand[];
  proposals: Proposal[];
  instruments: ActiveInstrument[];
  modifiers: Match['modifiers'];
  /** Suppliers under embargo (public news) and the last round it holds. */
  embargoes: Match['embargoes'];
  mediators: Partial<Record<Mediator, { prestige: number }>>;
  done: PlayingSeat[];
  settlement: Settlement | null;
  /** Public figures for both parties; full figures for the viewer's own party (or all, when open). */
  parties: Record<Party, PublicParty | OwnParty>;
  /** The balance as this seat can judge it: exact when open, else a range from its estimate. */
  balance: { low: number; high: number; gap: Gap; exact: boolean };
  events: MatchEvent[];
  history: Omit<RoundMeters, 'ratio' | 'effective' | 'budget'>[] | RoundMeters[];
  /** True when this view holds everything (facilitator, or the match is over). */
  open: boolean;
}

const publicParty = (m: Match, p: Party): PublicParty => ({
  support: m.parties[p].support,
  standing: m.parties[p].standing,
  baseBudget: m.scenario.parties[p].budget,
  concessions: m.parties[p].concessions,
});

const ownParty = (m: Match, p: Party): OwnParty => {
  const s = m.parties[p];
  return { ...publicParty(m, p), strength: { ...s.strength }, budget: s.budget, reform: s.reform, pipeline: [...s.pipeline], plan: s.plan, intel: s.intel };
};

/** Whether `seat` sees everything: the facilitator always, everyone once the match is over. */
export const isOpenTo = (m: Match, seat: Seat): boolean => seat === 'facilitator' || m.ended !== null;

type Builders = { [K in keyof SeatView]: (m: Match, seat: Seat, open: boolean) => SeatView[K] };

/** How each field of a view is made, in the view's key order. */
const FIELDS: Builders = {
  scenarioId: (m) => m.scenario.id,
  seat: (_m, seat) => seat,
  round: (m) => m.round,
  rounds: (m) => m.scenario.rounds,
  phase: (m) => m.phase,
  ended: (m) => m.ended,
  seats: (m) => ({ ...m.seats }),
  escalation: (m) => m.escalation,
  stability: (m) => m.stability,
  regions: (m) => {
    const regions: SeatView['regions'] = {};
    for (const k in m.regions) regions[k] = { ...m.regions[k] };
    return regions;
  },
  demands: (m, seat, open) =>
    m.demands.map((d) => ({
      ...d,
      // The issuer's choice after a refusal stays secret until resolution.
      escalate: open || seat === d.from || d.resolved ? d.escalate : null,
    })),
  proposals: (m) => m.proposals.map((p) => ({ ...p, signed: [...p.signed] })),
  instruments: (m) => [...m.instruments],
  modifiers: (m) => [...m.modifiers],
  embargoes: (m) => [...m.embargoes],
  mediators: (m) => {
    const mediators: SeatView['mediators'] = {};
    for (const k in m.mediators) mediators[k as Mediator] = { prestige: m.mediators[k as Mediator]!.prestige };
    return mediators;
  },
  done: (m) => [...m.done],
  settlement: (m) => m.settlement,
  parties: (m, seat, open) => {
    const parties = {} as SeatView['parties'];
    for (const p of PARTIES) parties[p] = open || seat === p ? ownParty(m, p) : publicParty(m, p);
    return parties;
  },
  balance: (m, seat, open) => balanceSeenBy(m, seat, open),
  events: (m, seat, open) => m.events.filter((e) => canSee(e, seat, open)),
  history: (m, _seat, open) => (open ? m.history.map((h) => ({ ...h })) : m.history.map(({ ratio: _r, effective: _e, budget: _b, ...rest }) => rest)),
  open: (_m, _seat, open) => open,
};
const KEYS = Object.keys(FIELDS) as (keyof SeatView)[];

/** Whether `seat` sees event `e` (`open`: isOpenTo). */
export const canSee = (e: MatchEvent, seat: Seat, open: boolean): boolean => e.to === null || open || (e.to as Seat[]).includes(seat);

export function viewFor(m: Match, seat: Seat): SeatView {
  const open = isOpenTo(m, seat);
  const f = FIELDS;
  // Spelled out (not a loop over FIELDS): a literal of known shape is built several times faster,
  // and the search bot makes views in its playouts.
  return {
    scenarioId: f.scenarioId(m, seat, open),
    seat: f.seat(m, seat, open),
    round: f.round(m, seat, open),
    rounds: f.rounds(m, seat, open),
    phase: f.phase(m, seat, open),
    ended: f.ended(m, seat, open),
    seats: f.seats(m, seat, open),
    escalation: f.escalation(m, seat, open),
    stability: f.stability(m, seat, open),
    regions: f.regions(m, seat, open),
    demands: f.demands(m, seat, open),
    proposals: f.proposals(m, seat, open),
    instruments: f.instruments(m, seat, open),
    modifiers: f.modifiers(m, seat, open),
    embargoes: f.embargoes(m, seat, open),
    mediators: f.mediators(m, seat, open),
    done: f.done(m, seat, open),
    settlement: f.settlement(m, seat, open),
    parties: f.parties(m, seat, open),
    balance: f.balance(m, seat, open),
    events: f.events(m, seat, open),
    history: f.history(m, seat, open),
    open: f.open(m, seat, open),
  };
}

/** Just the named fields of `viewFor(m, seat)`, each exactly as there (for updates that carry what changed). */
export function viewFields<K extends keyof SeatView>(m: Match, seat: Seat, keys: readonly K[]): Pick<SeatView, K> {
  const open = isOpenTo(m, seat);
  const out = {} as Pick<SeatView, K>;
  for (const k of keys) out[k] = FIELDS[k](m, seat, open);
  return out;
}

/** Every field of a view, in order. */
export const VIEW_FIELDS: readonly (keyof SeatView)[] = KEYS;

/** A party knows its own strength and estimates the other's; mediators and spectators see a public range. */
export function balanceSeenBy(m: Match, seat: Seat, open: boolean): SeatView['balance'] {
  const s = m.scenario;
  const eff = effectivePair(s, m.parties, m.turkishBacking);
  const truth = ratioOf(eff.azerbaijan, eff.armenia);
  if (open) return { low: truth, high: truth, gap: gapWords(s, truth), exact: true };
  if (isParty(seat)) {
    const intel = m.parties[seat].intel;
    const own = eff[seat];
    if (intel) {
      const [lo, hi] = intel.effective;
      const low = seat === 'armenia' ? lo / own : own / hi;
      const high = seat === 'armenia' ? hi / own : own / offZero(lo);
      return { low, high, gap: gapWords(s, midpoint(low, high)), exact: lo === hi };
    }
  }
  // Public knowledge: a wide band (high = width × low) that holds the truth, placed each round by
  // an offset fixed from the seed, so neither its ends nor its words give the exact ratio away.
  const band = s.intel.publicBand;
  const low = truth * publicShift(s, m.seed, m.round) * band.low;
  const high = low * band.width;
  return { low, high, gap: gapWords(s, Math.sqrt(low * high)), exact: false };
}

/** Where the truth sits in the public band this round: low = truth × shift × publicBand.low with
 *  shift drawn within publicBand.shift (the base scenario: 0.78 and 0.86–1.14, so the truth lies
 *  between a fifth and three quarters of the way up on a log scale, never at an end). */
function publicShift(s: Scenario, seed: number, round: number): number {
  const shift = s.intel.publicBand.shift;
  return shift.min + (shift.max - shift.min) * step(mixSeed(seed, `public-band:${round}`))[0];
}

/** What the rules above let anyone infer from a public band: the ratio lies in this range. */
export function ratioWithinPublicBand(s: Scenario, low: number): [number, number] {
  const band = s.intel.publicBand;
  return [low / (band.low * band.shift.max), low / (band.low * band.shift.min)];
}
