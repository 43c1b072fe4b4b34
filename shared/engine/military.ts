// Effective strength, the balance and the chance that an escalation succeeds.
import type { Components, Party, Scenario } from '../scenario/schema.js';
import { clamp, offZero, ratioOf } from './maths.js';

export type Gap = 'overwhelming' | 'clear' | 'narrow' | 'parity' | 'reversed';

type Side = { strength: Components; reform: number };

/** One figure per party: components weighted, drones blunted by the other side's anti-drone defence. */
export function effectiveStrength(scenario: Scenario, self: Side, other: Side, backing: number): number {
  const w = scenario.military.weights;
  const s = self.strength;
  const droneFactor = 1 / (1 + (scenario.military.droneCounter * other.strength.airDefence) / Math.max(1, s.drones));
  const raw =
    s.ground * w.ground + s.artillery * w.artillery + s.drones * w.drones * droneFactor + s.airDefence * w.airDefence + s.missiles * w.missiles;
  return raw * (1 + self.reform) * backing;
}

export function effectivePair(scenario: Scenario, parties: Record<Party, Side>, turkishBacking: number): Record<Party, number> {
  return {
    armenia: effectiveStrength(scenario, parties.armenia, parties.azerbaijan, 1),
    azerbaijan: effectiveStrength(scenario, parties.azerbaijan, parties.armenia, turkishBacking),
  };
}

/** Azerbaijani effective strength over Armenian. */
export function balanceRatio(scenario: Scenario, parties: Record<Party, Side>, turkishBacking: number): number {
  const e = effectivePair(scenario, parties, turkishBacking);
  return ratioOf(e.azerbaijan, e.armenia);
}

/** The gap in words, as the balance meter shows it (the scenario's `military.gapWords`). */
export function gapWords(scenario: Scenario, ratio: number): Gap {
  const w = scenario.military.gapWords;
  if (ratio >= w.overwhelming) return 'overwhelming';
  if (ratio >= w.clear) return 'clear';
  if (ratio >= w.narrow) return 'narrow';
  if (ratio > 1 / w.narrow) return 'parity';
  return 'reversed';
}

export interface EscalationOdds {
  /** Chance the attacker gets what it presses for. */
  success: number;
  /** Parts of the calculation, for the honest preview and the report. */
  fromBalance: number;
  deterrence: number;
  presence: number;
  damping: number;
}

/**
 * Chance an escalation succeeds: a logistic curve in the log of the attacker's strength ratio,
 * cut by the defender's missiles (deterrence), peacekeepers or monitors, and mediators' instruments.
 */
export function escalationOdds(
  scenario: Scenario,
  attackerOverDefender: number,
  defenderMissiles: number,
  opts: { prepared: boolean; presence: boolean; damping: number },
): EscalationOdds {
  const e = scenario.escalation;
  const logit0 = Math.log(e.baseAtParity / (1 - e.baseAtParity));
  let fromBalance = 1 / (1 + Math.exp(-(e.steepness * Math.log(offZero(attackerOverDefender)) + logit0)));
  if (!opts.prepared) fromBalance *= e.unpreparedFactor;
  const deterrence = Math.min(scenario.military.maxDeterrence, defenderMissiles * scenario.military.missileDeterrence);
  const presence = opts.presence ? e.presenceDamping : 0;
  const success = clamp(fromBalance - deterrence - presence - opts.damping, e.chance.min, e.chance.max);
  return { success, fromBalance, deterrence, presence, damping: opts.damping };
}
