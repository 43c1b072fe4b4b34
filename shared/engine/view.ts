// viewFor: what one seat may see. Parties see their own plans, budget and deliveries; the other
// side only as an intelligence estimate. Everything is open to the facilitator and after the end.
import { PARTIES, type Components, type Mediator, type Party, type Phase, type PlayingSeat } from '../scenario/schema.js';
import { isParty } from './match.js';
import { effectivePair, gapWords, type Gap } from './military.js';
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

export function viewFor(m: Match, seat: Seat): SeatView {
  const open = seat === 'facilitator' || m.ended !== null;
  const parties = {} as SeatView['parties'];
  for (const p of PARTIES) parties[p] = open || seat === p ? ownParty(m, p) : publicParty(m, p);
  const visible = (e: MatchEvent) => e.to === null || open || (e.to as Seat[]).includes(seat);
  const demands = m.demands.map((d) => ({
    ...d,
    // The issuer's choice after a refusal stays secret until resolution.
    escalate: open || seat === d.from || d.resolved ? d.escalate : null,
  }));
  const mediators: SeatView['mediators'] = {};
  for (const k in m.mediators) mediators[k as Mediator] = { prestige: m.mediators[k as Mediator]!.prestige };
  const regions: SeatView['regions'] = {};
  for (const k in m.regions) regions[k] = { ...m.regions[k] };
  return {
    scenarioId: m.scenario.id,
    seat,
    round: m.round,
    rounds: m.scenario.rounds,
    phase: m.phase,
    ended: m.ended,
    seats: { ...m.seats },
    escalation: m.escalation,
    stability: m.stability,
    regions,
    demands,
    proposals: m.proposals.map((p) => ({ ...p, signed: [...p.signed] })),
    instruments: [...m.instruments],
    modifiers: [...m.modifiers],
    embargoes: [...m.embargoes],
    mediators,
    done: [...m.done],
    settlement: m.settlement,
    parties,
    balance: balanceSeenBy(m, seat, open),
    events: m.events.filter(visible),
    history: open ? m.history.map((h) => ({ ...h })) : m.history.map(({ ratio: _r, effective: _e, budget: _b, ...rest }) => rest),
    open,
  };
}

/** A party knows its own strength and estimates the other's; mediators and spectators see a public range. */
function balanceSeenBy(m: Match, seat: Seat, open: boolean): SeatView['balance'] {
  const eff = effectivePair(m.scenario, m.parties, m.turkishBacking);
  const truth = eff.azerbaijan / Math.max(1e-6, eff.armenia);
  if (open) return { low: truth, high: truth, gap: gapWords(truth), exact: true };
  if (isParty(seat)) {
    const intel = m.parties[seat].intel;
    const own = eff[seat];
    if (intel) {
      const [lo, hi] = intel.effective;
      const low = seat === 'armenia' ? lo / own : own / hi;
      const high = seat === 'armenia' ? hi / own : own / Math.max(1e-6, lo);
      return { low, high, gap: gapWords((low + high) / 2), exact: lo === hi };
    }
  }
  // Public knowledge: a wide band, widest when nothing is revealed.
  const low = truth * 0.75;
  const high = truth * 1.3;
  return { low, high, gap: gapWords(truth), exact: false };
}
