// A seat's view of a sampled world, for the search bot's playouts only: the same fields the
// policies read from `viewFor`, built without copying (the policies never change a view).
// In a playout every seat's bot is a model of that seat; it must see what `viewFor` would show it,
// and no more: own forces, plan and intelligence; the other party only as public figures.
import { PARTIES, type PlayingSeat } from '../scenario/schema.js';
import type { Match } from '../engine/types.js';
import { balanceSeenBy, canSee, type OwnParty, type PublicParty, type SeatView } from '../engine/view.js';

export function quickView(m: Match, seat: PlayingSeat): SeatView {
  return new QuickView(m, seat);
}

/**
 * The fields a policy may not read are made only when read: parties and balance once (a view
 * belongs to one decision on one match, and a match never changes), events on each read. A class, not a literal
 * with getters: a literal with accessors is built by a slow path in V8, a class instance by the
 * fast one, and most decisions read only a few fields.
 */
class QuickView implements SeatView {
  readonly scenarioId: string;
  readonly round: number;
  readonly rounds: number;
  readonly phase: SeatView['phase'];
  readonly ended: SeatView['ended'];
  readonly seats: SeatView['seats'];
  readonly escalation: number;
  readonly stability: number;
  readonly appetite: number;
  readonly regions: SeatView['regions'];
  // The issuer's choice after a refusal is secret until resolution (the policies do not read it).
  readonly demands: SeatView['demands'];
  readonly proposals: SeatView['proposals'];
  readonly instruments: SeatView['instruments'];
  readonly modifiers: SeatView['modifiers'];
  readonly embargoes: SeatView['embargoes'];
  readonly mediators: SeatView['mediators'];
  readonly done: SeatView['done'];
  readonly settlement: SeatView['settlement'];
  readonly history: SeatView['history'] = [];
  readonly open = false;
  #parties: SeatView['parties'] | undefined = undefined;
  #balance: SeatView['balance'] | undefined = undefined;

  readonly seat: PlayingSeat;
  readonly #m: Match;

  constructor(m: Match, seat: PlayingSeat) {
    this.#m = m;
    this.seat = seat;
    this.scenarioId = m.scenario.id;
    this.round = m.round;
    this.rounds = m.scenario.rounds;
    this.phase = m.phase;
    this.ended = m.ended;
    this.seats = m.seats;
    this.escalation = m.escalation;
    this.stability = m.stability;
    this.appetite = m.appetite;
    this.regions = m.regions;
    this.demands = m.demands;
    this.proposals = m.proposals;
    this.instruments = m.instruments;
    this.modifiers = m.modifiers;
    this.embargoes = m.embargoes;
    this.mediators = m.mediators;
    this.done = m.done;
    this.settlement = m.settlement;
  }

  get parties(): SeatView['parties'] {
    if (this.#parties) return this.#parties;
    const m = this.#m;
    const parties = {} as SeatView['parties'];
    for (const p of PARTIES) {
      const s = m.parties[p];
      const pub: PublicParty = { support: s.support, standing: s.standing, baseBudget: m.scenario.parties[p].budget, concessions: s.concessions };
      parties[p] = this.seat === p ? ({ ...pub, strength: s.strength, budget: s.budget, reform: s.reform, pipeline: s.pipeline, plan: s.plan, intel: s.intel } satisfies OwnParty) : pub;
    }
    return (this.#parties = parties);
  }

  get balance(): SeatView['balance'] {
    return (this.#balance ??= balanceSeenBy(this.#m, this.seat, false));
  }

  /** The events this seat may see, filtered only when a policy reads them. */
  get events(): SeatView['events'] {
    return this.#m.events.filter((e) => canSee(e, this.seat, false));
  }
}
