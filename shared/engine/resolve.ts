// Round resolution: plans are paid, deliveries arrive or fail, answered demands take effect,
// refusals may turn into escalations, and every meter moves.
import { COMPONENTS, PARTIES, type Party, type Scenario } from '../scenario/schema.js';
import { defaultPressure } from './apply.js';
import { applyEffects } from './effects.js';
import { emit, otherParty } from './match.js';
import { clamp, effectivePair, escalationOdds, type EscalationOdds } from './military.js';
import { random } from './rng.js';
import { finishMatch } from './score.js';
import type { Demand, Match } from './types.js';

export function resolveRound(d: Match): void {
  for (const p of PARTIES) executePlan(d, p);
  for (const p of PARTIES) receiveDeliveries(d, p);

  let escalated = false;
  const pressedBy = new Set<Party>();
  for (const dem of d.demands) {
    if (dem.status === 'accepted' && dem.issued <= d.round && !dem.resolved) {
      concede(d, dem, false);
      continue;
    }
    if (dem.status === 'open' && dem.deadline <= d.round) {
      dem.status = 'expired';
      d.stats.demandsRefused[dem.from]++;
      emit(d, 'demand.expired', { id: dem.id, from: dem.from });
    }
    if ((dem.status === 'refused' || dem.status === 'countered' || dem.status === 'expired') && !dem.resolved) {
      const region = chosenEscalation(d, dem);
      dem.resolved = true;
      if (region && !pressedBy.has(dem.from)) {
        pressedBy.add(dem.from);
        escalated = true;
        resolveEscalation(d, dem, region);
      } else if (dem.def) {
        applyEffects(d, d.scenario.demands.find((x) => x.id === dem.def)!.onRefuse);
      }
    }
  }

  for (const p of PARTIES) {
    const party = d.parties[p];
    if (party.support < d.scenario.support.crisisThreshold) {
      emit(d, 'crisis.government', { party: p });
      party.support = d.scenario.support.crisisReset;
      party.standing = clamp(party.standing - 5, 0, 100);
    }
    const keep = 1 - d.scenario.military.attrition;
    for (const c of COMPONENTS) party.strength[c] *= keep;
  }

  if (!escalated) {
    d.escalation = Math.max(0, d.escalation - d.scenario.escalation.cooling);
    d.stability = clamp(d.stability + 2, 0, 100);
  }
  for (const id in d.regions) {
    const r = d.regions[id];
    if (r.tension > 20) r.tension = Math.max(20, r.tension - 3);
  }
  for (const k in d.mediators) {
    const med = d.mediators[k as keyof typeof d.mediators]!;
    med.prestige = clamp(med.prestige + (escalated ? -2 : 2), 0, 100);
  }
  d.stats.maxEscalation = Math.max(d.stats.maxEscalation, d.escalation);
  d.warRounds = d.escalation >= 4 ? d.warRounds + 1 : 0;
  if (d.warRounds >= 2) finishMatch(d, { kind: 'war', round: d.round });
}


function executePlan(d: Match, p: Party): void {
  const party = d.parties[p];
  const plan = party.plan;
  if (!plan) return;
  const mil = d.scenario.military;
  let spent = plan.reform + plan.diplomacy;
  for (const line of plan.procure) {
    const item = d.scenario.procurement.find((x) => x.id === line.item)!;
    spent += item.cost * line.qty;
    for (let i = 0; i < line.qty; i++) {
      party.pipeline.push({ itemId: item.id, component: item.component, gain: item.gain, arrives: d.round + item.delay, supplier: item.supplier });
    }
  }
  party.budget = Math.max(0, party.budget - spent);
  party.reform = Math.min(mil.reformCap, party.reform + plan.reform * mil.reformPerPoint);
  party.standing = clamp(party.standing + plan.diplomacy * mil.diplomacyPerPoint, 0, 100);
}

function receiveDeliveries(d: Match, p: Party): void {
  const party = d.parties[p];
  if (!party.pipeline.some((x) => x.arrives <= d.round)) return;
  const waiting = [];
  for (const item of party.pipeline) {
    if (item.arrives > d.round) {
      waiting.push(item);
      continue;
    }
    const risk = d.scenario.procurement.find((x) => x.id === item.itemId)!.supplierRisk;
    const embargoed = d.embargoes.some((e) => e.supplier === item.supplier && e.until >= d.round);
    if (embargoed || random(d) < risk) {
      emit(d, 'delivery.failed', { item: item.itemId, embargo: embargoed ? 1 : 0 }, [p]);
    } else {
      party.strength[item.component] += item.gain;
      emit(d, 'delivery.arrived', { item: item.itemId }, [p]);
    }
  }
  party.pipeline = waiting;
}

/** The addressee gives way: the demand's effects, support lost at home, appetite for more. */
function concede(d: Match, dem: Demand, coerced: boolean): void {
  dem.resolved = true;
  dem.status = 'accepted';
  const def = dem.def ? d.scenario.demands.find((x) => x.id === dem.def)! : null;
  const weight = def?.weight ?? 3;
  if (def) applyEffects(d, def.onAccept);
  const loser = d.parties[dem.to];
  loser.support = clamp(loser.support - weight * d.scenario.support.perConcessionWeight * (coerced ? 1.5 : 1), 0, 100);
  loser.concessions += weight;
  d.parties[dem.from].support = clamp(d.parties[dem.from].support + weight / 2, 0, 100);
  if (dem.from === 'azerbaijan') d.appetite = clamp(d.appetite + d.scenario.appetite.perAcceptance, 0.05, 1);
  d.stats.demandsAccepted[dem.from]++;
  emit(d, coerced ? 'demand.coerced' : 'demand.implemented', { id: dem.id, from: dem.from, to: dem.to, demand: dem.def ?? '' });
}

/** Where the issuer presses after a refusal, if it does: its choice, else what it prepared. */
function chosenEscalation(d: Match, dem: Demand): string | null {
  if (dem.escalate) return dem.escalate.region;
  if (dem.escalate === false) return null;
  const prepared = d.parties[dem.from].plan?.prepareEscalation;
  return prepared ? (d.regions[prepared] ? prepared : defaultPressure(d, dem.def, dem.from)) : null;
}

/** The odds an escalation by `attacker` in `region` would succeed now (true figures). */
export function oddsFor(d: Match, attacker: Party, region: string, prepared: boolean): EscalationOdds {
  const defender = otherParty(attacker);
  const eff = effectivePair(d.scenario, d.parties, d.turkishBacking);
  const mods = pressureModifiers(d.scenario, d, attacker, region);
  const ratio = (eff[attacker] / Math.max(1e-6, eff[defender])) * mods.ratioFactor;
  return escalationOdds(d.scenario, ratio, d.parties[defender].strength.missiles, { prepared, presence: mods.presence, damping: mods.damping });
}

/** What the situation adds to or takes from an escalation, from public facts (a match or any seat's view). */
export function pressureModifiers(
  scenario: Scenario,
  state: Pick<Match, 'round' | 'modifiers' | 'instruments' | 'regions'>,
  attacker: Party,
  region: string,
): { ratioFactor: number; presence: boolean; damping: number } {
  const has = (id: string) => state.modifiers.some((x) => x.id === id && x.until >= state.round);
  const r = state.regions[region];
  const presence = !!r && ((r.peacekeepers && !has('russiaDistracted')) || r.monitors);
  let damping = 0;
  for (const x of state.instruments) if (x.until >= state.round) damping += scenario.instruments.find((i) => i.id === x.id)?.escalationDamping ?? 0;
  if (has('winter')) damping += 0.1;
  if (attacker === 'azerbaijan' && region === 'syunik' && has('iranWarning')) damping += 0.1;
  return { ratioFactor: attacker === 'azerbaijan' && has('jointExercises') ? 1.1 : 1, presence, damping: Math.min(0.35, damping) };
}

/** Force after a refusal: success makes the demand happen anyway; failure costs the attacker. */
export function resolveEscalation(d: Match, dem: Demand, region: string): void {
  const e = d.scenario.escalation;
  const attacker = dem.from;
  const defender = dem.to;
  const prepared = !!d.parties[attacker].plan?.prepareEscalation;
  const odds = oddsFor(d, attacker, region, prepared);
  const success = random(d) < odds.success;
  const level = prepared ? 3 : 2;
  // Missiles raise the price: the attacker's losses grow with the defender's arsenal.
  const priceFactor = 1 + d.parties[defender].strength.missiles * 0.02;
  const att = d.parties[attacker];
  const def = d.parties[defender];
  d.stats.escalations[attacker]++;
  att.standing = clamp(att.standing - e.standingCost, 0, 100);
  const r = d.regions[region];
  r.tension = clamp(r.tension + 20, 0, 100);
  if (success) {
    d.stats.escalationSuccesses[attacker]++;
    d.escalation = Math.max(d.escalation, level);
    const lostD = e.casualties.success;
    const lostA = Math.round(e.casualties.success * 0.4 * priceFactor);
    d.stats.casualties[defender] += lostD;
    d.stats.casualties[attacker] += lostA;
    if (r.controller !== attacker) {
      r.displaced += e.displaced;
      d.stats.displaced += e.displaced;
    }
    def.support = clamp(def.support - e.supportLossDefender, 0, 100);
    att.support = clamp(att.support + e.supportGainAttacker, 0, 100);
    d.stability = clamp(d.stability - e.stabilityCost, 0, 100);
    emit(d, 'escalation.success', { id: dem.id, attacker, region, chance: Math.round(odds.success * 100), lostA, lostD, displaced: r.controller !== attacker ? e.displaced : 0 });
    concede(d, dem, true);
  } else {
    // The defender held: fighting goes on one step higher.
    d.escalation = Math.min(4, Math.max(d.escalation, level) + (d.escalation >= 3 ? 1 : 0));
    const lostA = Math.round(e.casualties.failure * priceFactor);
    const lostD = Math.round(e.casualties.failure * 0.6);
    d.stats.casualties[attacker] += lostA;
    d.stats.casualties[defender] += lostD;
    att.support = clamp(att.support - e.supportLossFailedAttacker, 0, 100);
    def.support = clamp(def.support + 3, 0, 100);
    d.stability = clamp(d.stability - e.stabilityCost / 2, 0, 100);
    if (attacker === 'azerbaijan') d.appetite = clamp(d.appetite - d.scenario.appetite.perRefusalResisted, 0.05, 1);
    emit(d, 'escalation.failure', { id: dem.id, attacker, region, chance: Math.round(odds.success * 100), lostA, lostD });
  }
  for (const k in d.mediators) {
    const med = d.mediators[k as keyof typeof d.mediators]!;
    // Russia's peacekeepers and the EU's monitors lose face when fighting reaches them.
    if ((k === 'russia' && r.peacekeepers) || (k === 'eu' && r.monitors)) med.prestige = clamp(med.prestige - 4, 0, 100);
  }
}
