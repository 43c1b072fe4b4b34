// A seat's view of a sampled world, for the search bot's playouts only: the same fields the
// policies read from `viewFor`, built without copying (the policies never change a view).
// In a playout every seat's bot is a model of that seat; it must see what `viewFor` would show it,
// and no more: own forces, plan and intelligence; the other party only as public figures.
import { PARTIES, type PlayingSeat } from '../scenario/schema.js';
import type { Match } from '../engine/types.js';
import { balanceSeenBy, canSee, type OwnParty, type PublicParty, type SeatView } from '../engine/view.js';

export function quickView(m: Match, seat: PlayingSeat): SeatView {
  const parties = {} as SeatView['parties'];
  for (const p of PARTIES) {
    const s = m.parties[p];
    const pub: PublicParty = { support: s.support, standing: s.standing, baseBudget: m.scenario.parties[p].budget, concessions: s.concessions };
    parties[p] = seat === p ? ({ ...pub, strength: s.strength, budget: s.budget, reform: s.reform, pipeline: s.pipeline, plan: s.plan, intel: s.intel } satisfies OwnParty) : pub;
  }
  return {
    scenarioId: m.scenario.id,
    seat,
    round: m.round,
    rounds: m.scenario.rounds,
    phase: m.phase,
    ended: m.ended,
    seats: m.seats,
    escalation: m.escalation,
    stability: m.stability,
    appetite: m.appetite,
    regions: m.regions,
    // The issuer's choice after a refusal is secret until resolution (the policies do not read it).
    demands: m.demands,
    proposals: m.proposals,
    instruments: m.instruments,
    modifiers: m.modifiers,
    embargoes: m.embargoes,
    mediators: m.mediators,
    done: m.done,
    settlement: m.settlement,
    parties,
    balance: balanceSeenBy(m, seat, false),
    // The events this seat may see, filtered only when a policy reads them.
    get events() {
      return m.events.filter((e) => canSee(e, seat, false));
    },
    history: [],
    open: false,
  };
}
