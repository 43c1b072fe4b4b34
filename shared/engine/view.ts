// viewFor: what one seat may see. Parties see their own plans, budget and deliveries; the other
// side only as an intelligence estimate. Everything is open to the facilitator and after the end.
import { PARTIES, type Components, type Mediator, type Party, type Phase, type PlayingSeat } from '../scenario/schema.js';
import type { Scenario } from '../scenario/schema.js';
import { copyEach } from './draft.js';
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
  /** Baku's appetite for more, as its public statements show it (0..1): what backing down would cost it at home. */
  appetite: number;
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

/**
 * A field of a view: the match fields it is made from (so it cannot change while they hold the
 * same objects: the engine keeps unchanged fields as the previous match's, draft.ts) and how it is
 * made. A field that depends on whether the view is open (isOpenTo) reads `ended`.
 */
interface Field<K extends keyof SeatView> {
  reads: readonly (keyof Match)[];
  build: (m: Match, seat: Seat, open: boolean) => SeatView[K];
}

/** Every field of a view, in the view's key order. */
const FIELDS: { [K in keyof SeatView]: Field<K> } = {
  scenarioId: { reads: ['scenario'], build: (m) => m.scenario.id },
  seat: { reads: [], build: (_m, seat) => seat },
  round: { reads: ['round'], build: (m) => m.round },
  rounds: { reads: ['scenario'], build: (m) => m.scenario.rounds },
  phase: { reads: ['phase'], build: (m) => m.phase },
  ended: { reads: ['ended'], build: (m) => m.ended },
  seats: { reads: ['seats'], build: (m) => ({ ...m.seats }) },
  escalation: { reads: ['escalation'], build: (m) => m.escalation },
  stability: { reads: ['stability'], build: (m) => m.stability },
  appetite: { reads: ['appetite'], build: (m) => m.appetite },
  regions: { reads: ['regions'], build: (m) => copyEach(m.regions) },
  demands: {
    reads: ['demands', 'ended'],
    build: (m, seat, open) =>
      m.demands.map((d) => ({
        ...d,
        // The issuer's choice after a refusal stays secret until resolution.
        escalate: open || seat === d.from || d.resolved ? d.escalate : null,
      })),
  },
  proposals: { reads: ['proposals'], build: (m) => m.proposals.map((p) => ({ ...p, signed: [...p.signed] })) },
  instruments: { reads: ['instruments'], build: (m) => [...m.instruments] },
  modifiers: { reads: ['modifiers'], build: (m) => [...m.modifiers] },
  embargoes: { reads: ['embargoes'], build: (m) => [...m.embargoes] },
  mediators: {
    reads: ['mediators'],
    build: (m) => {
      const mediators: SeatView['mediators'] = {};
      for (const k in m.mediators) mediators[k as Mediator] = { prestige: m.mediators[k as Mediator]!.prestige };
      return mediators;
    },
  },
  done: { reads: ['done'], build: (m) => [...m.done] },
  settlement: { reads: ['settlement'], build: (m) => m.settlement },
  parties: {
    reads: ['parties', 'scenario', 'ended'],
    build: (m, seat, open) => {
      const parties = {} as SeatView['parties'];
      for (const p of PARTIES) parties[p] = open || seat === p ? ownParty(m, p) : publicParty(m, p);
      return parties;
    },
  },
  balance: { reads: ['parties', 'turkishBacking', 'scenario', 'seed', 'round', 'ended'], build: (m, seat, open) => balanceSeenBy(m, seat, open) },
  events: { reads: ['events', 'ended'], build: (m, seat, open) => m.events.filter((e) => canSee(e, seat, open)) },
  history: {
    reads: ['history', 'ended'],
    build: (m, _seat, open) => (open ? m.history.map((h) => ({ ...h })) : m.history.map(({ ratio: _r, effective: _e, budget: _b, ...rest }) => rest)),
  },
  open: { reads: ['ended'], build: (_m, _seat, open) => open },
};
const KEYS = Object.keys(FIELDS) as (keyof SeatView)[];

/** The match fields each view field is made from: a view field changes only when one of these is another object. */
export const VIEW_READS = Object.fromEntries(KEYS.map((k) => [k, FIELDS[k].reads])) as { readonly [K in keyof SeatView]: readonly (keyof Match)[] };

/** Whether `seat` sees event `e` (`open`: isOpenTo). */
export const canSee = (e: MatchEvent, seat: Seat, open: boolean): boolean => e.to === null || open || (e.to as Seat[]).includes(seat);

export function viewFor(m: Match, seat: Seat): SeatView {
  const open = isOpenTo(m, seat);
  const f = FIELDS;
  // Spelled out (not a loop over FIELDS): a literal of known shape is built several times faster,
  // and the search bot makes views in its playouts.
  return {
    scenarioId: f.scenarioId.build(m, seat, open),
    seat: f.seat.build(m, seat, open),
    round: f.round.build(m, seat, open),
    rounds: f.rounds.build(m, seat, open),
    phase: f.phase.build(m, seat, open),
    ended: f.ended.build(m, seat, open),
    seats: f.seats.build(m, seat, open),
    escalation: f.escalation.build(m, seat, open),
    stability: f.stability.build(m, seat, open),
    appetite: f.appetite.build(m, seat, open),
    regions: f.regions.build(m, seat, open),
    demands: f.demands.build(m, seat, open),
    proposals: f.proposals.build(m, seat, open),
    instruments: f.instruments.build(m, seat, open),
    modifiers: f.modifiers.build(m, seat, open),
    embargoes: f.embargoes.build(m, seat, open),
    mediators: f.mediators.build(m, seat, open),
    done: f.done.build(m, seat, open),
    settlement: f.settlement.build(m, seat, open),
    parties: f.parties.build(m, seat, open),
    balance: f.balance.build(m, seat, open),
    events: f.events.build(m, seat, open),
    history: f.history.build(m, seat, open),
    open: f.open.build(m, seat, open),
  };
}

/** Just the named fields of `viewFor(m, seat)`, each exactly as there (for updates that carry what changed). */
export function viewFields<K extends keyof SeatView>(m: Match, seat: Seat, keys: readonly K[]): Pick<SeatView, K> {
  const open = isOpenTo(m, seat);
  const out = {} as Pick<SeatView, K>;
  for (const k of keys) out[k] = FIELDS[k].build(m, seat, open);
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
