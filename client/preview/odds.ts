// Honest previews from what this seat knows: the engine's own formulas (escalationOdds,
// pressureModifiers, durabilityAt) fed with the seat's balance range instead of the hidden truth.
import { escalationOdds } from '../../shared/engine/military.js';
import { catalogueDemand, demandWeight, pressureRegion } from '../../shared/engine/queries.js';
import { pressureModifiers } from '../../shared/engine/resolve.js';
import { concessionBalance, durabilityAt, packageCost } from '../../shared/engine/settlement.js';
import type { SeatView } from '../../shared/engine/view.js';
import type { OwnParty } from '../../shared/engine/view.js';
import type { Demand } from '../../shared/engine/types.js';
import { asScenario, type PublicScenario } from '../../shared/protocol/index.js';
import type { Party } from '../../shared/scenario/schema.js';

export type Likelihood = 'likely' | 'even' | 'unlikely';

export interface OddsRange {
  low: number;
  high: number;
  likelihood: Likelihood;
  region: string;
}

function likelihood(p: number): Likelihood {
  return p >= 0.6 ? 'likely' : p <= 0.35 ? 'unlikely' : 'even';
}

export function ownParty(v: SeatView, p: Party): OwnParty | null {
  const x = v.parties[p] as OwnParty;
  return x && 'strength' in x ? x : null;
}

/** The attacker's strength over the defender's, as a range this seat can judge. */
function ratioRange(v: SeatView, attacker: Party): [number, number] {
  const { low, high } = v.balance; // azerbaijan over armenia
  return attacker === 'azerbaijan' ? [low, high] : [1 / Math.max(1e-6, high), 1 / Math.max(1e-6, low)];
}

function defenderMissiles(v: SeatView, defender: Party): [number, number] {
  const own = ownParty(v, defender);
  if (own) return [own.strength.missiles, own.strength.missiles];
  const other = defender === 'armenia' ? 'azerbaijan' : 'armenia';
  const est = ownParty(v, other)?.intel?.components.missiles;
  return est ? [est[0], est[1]] : [0, 0];
}

/** Where the issuer of `d` presses by force unless it names a region: the engine's rule. */
export const demandPressure = (s: PublicScenario, d: Pick<Demand, 'def' | 'from'>): string => pressureRegion(asScenario(s), catalogueDemand(asScenario(s), d.def), d.from);

/** Chance an escalation by `attacker` in `region` would succeed, from this seat's knowledge. */
export function escalationRange(v: SeatView, s: PublicScenario, attacker: Party, region: string, prepared: boolean | null): OddsRange {
  const defender: Party = attacker === 'armenia' ? 'azerbaijan' : 'armenia';
  const { ratioFactor, presence, damping } = pressureModifiers(asScenario(s), v, attacker, region);
  const [rLow, rHigh] = ratioRange(v, attacker).map((x) => x * ratioFactor);
  const [mLow, mHigh] = defenderMissiles(v, defender);
  const lowPrep = prepared ?? false;
  const highPrep = prepared ?? true;
  const low = escalationOdds(asScenario(s), rLow, mHigh, { prepared: lowPrep, presence, damping }).success;
  const high = escalationOdds(asScenario(s), rHigh, mLow, { prepared: highPrep, presence, damping }).success;
  return { low, high, likelihood: likelihood((low + high) / 2), region };
}

export interface DemandPreview {
  /** Support the addressee loses by accepting. */
  acceptSupport: number;
  /** If refused and the issuer presses by force. */
  escalation: OddsRange;
  /** Support lost if the demand is then forced through. */
  coercedSupport: number;
}

export function demandPreview(v: SeatView, s: PublicScenario, d: Demand): DemandPreview {
  const lost = demandWeight(asScenario(s), catalogueDemand(asScenario(s), d.def)) * s.support.perConcessionWeight;
  const prepared = v.seat === d.from ? !!ownParty(v, d.from)?.plan?.prepareEscalation : null;
  const region = d.escalate && typeof d.escalate === 'object' ? d.escalate.region : demandPressure(s, d);
  return {
    acceptSupport: lost,
    escalation: escalationRange(v, s, d.from, region, prepared),
    coercedSupport: lost * s.support.coercedFactor,
  };
}

export interface DurabilityPreview {
  low: number;
  high: number;
  cost: { armenia: number; azerbaijan: number };
  concessionBalance: number;
}

/** Durability of a package if signed now, over the seat's balance range. */
export function durabilityPreview(v: SeatView, s: PublicScenario, clauses: readonly string[]): DurabilityPreview {
  const cost = packageCost(asScenario(s), clauses);
  const cb = concessionBalance(cost);
  const at = (ratio: number) => durabilityAt(asScenario(s), v, ratio, clauses);
  const { low, high } = v.balance;
  const values = [at(low), at(high)];
  // The best case is at parity if the range spans it.
  if (low <= 1 && high >= 1) values.push(at(1));
  return { low: Math.min(...values), high: Math.max(...values), cost, concessionBalance: cb };
}
