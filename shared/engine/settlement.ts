// A settlement: both parties signed the same clauses. Its durability is the lasting-peace figure.
import { PARTIES, type Scenario } from '../scenario/schema.js';
import { applyEffects } from './effects.js';
import { emit } from './match.js';
import { centred, meter } from './maths.js';
import { balanceRatio } from './military.js';
import { catalogueInstrument } from './queries.js';
import { finishMatch } from './score.js';
import type { Match, Proposal } from './types.js';

/** Total cost of a package to each party. */
export function packageCost(scenario: Scenario, clauses: readonly string[]): { armenia: number; azerbaijan: number } {
  let armenia = 0;
  let azerbaijan = 0;
  for (const id of clauses) {
    const c = scenario.clauses.find((x) => x.id === id);
    if (c) {
      armenia += c.cost.armenia;
      azerbaijan += c.cost.azerbaijan;
    }
  }
  return { armenia, azerbaijan };
}

/** 1 when both give up as much, 0 when one side gives everything. */
export function concessionBalance(cost: { armenia: number; azerbaijan: number }): number {
  const total = cost.armenia + cost.azerbaijan;
  return total === 0 ? 1 : 1 - Math.abs(cost.armenia - cost.azerbaijan) / total;
}

/** Durability 0–100 of a deal signed now: balanced forces and balanced concessions make it last. */
export function durabilityNow(m: Match, clauses: readonly string[]): { durability: number; ratio: number; concessionBalance: number } {
  const ratio = balanceRatio(m.scenario, m.parties, m.turkishBacking);
  return { durability: durabilityAt(m.scenario, m, ratio, clauses), ratio, concessionBalance: concessionBalance(packageCost(m.scenario, clauses)) };
}

/** Durability at a given balance, from public facts (a match or any seat's view): previews use it with a believed ratio. */
export function durabilityAt(scenario: Scenario, state: Pick<Match, 'round' | 'instruments' | 'escalation'>, ratio: number, clauses: readonly string[]): number {
  const s = scenario.settlement;
  const cb = concessionBalance(packageCost(scenario, clauses));
  let bonus = 0;
  for (const x of state.instruments) if (x.until >= state.round) bonus += catalogueInstrument(scenario, x.id)?.durabilityBonus ?? 0;
  return meter(s.baseDurability - s.imbalancePenalty * Math.abs(Math.log(ratio)) + s.concessionBalanceWeight * centred(cb) + Math.min(s.maxBonus, bonus) - s.escalationPenalty * state.escalation);
}

/** Both parties signed: apply the clauses, record the settlement and end the match. */
export function concludeSettlement(d: Match, p: Proposal): void {
  const { durability, ratio, concessionBalance: cb } = durabilityNow(d, p.clauses);
  p.status = 'signed';
  for (const other of d.proposals) if (other !== p && other.status === 'open') other.status = 'withdrawn';
  for (const id of p.clauses) applyEffects(d, d.scenario.clauses.find((c) => c.id === id)!.effects);
  const s = d.scenario.settlement;
  if (p.auspices && d.mediators[p.auspices]) d.mediators[p.auspices]!.prestige = meter(d.mediators[p.auspices]!.prestige + s.auspicesPrestige);
  d.settlement = { round: d.round, proposal: p.id, clauses: [...p.clauses], auspices: p.auspices, ratio, concessionBalance: cb, durability };
  d.escalation = 0;
  d.stability = meter(d.stability + durability / s.durabilityPerStability);
  for (const q of PARTIES) d.parties[q].standing = meter(d.parties[q].standing + s.standingGain);
  emit(d, 'settlement.signed', { id: p.id, durability: Math.round(durability), auspices: p.auspices ?? '' });
  finishMatch(d, { kind: 'settlement', round: d.round });
}
