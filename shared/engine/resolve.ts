// Round resolution: plans are paid, deliveries arrive or fail, answered demands take effect,
// refusals may turn into escalations, and every meter moves.
import { COMPONENTS, PARTIES, type Party, type Presence, type Scenario } from '../scenario/schema.js';
import { applyEffects } from './effects.js';
import { emit, otherParty } from './match.js';
import { clamp, meter, percent, ratioOf } from './maths.js';
import { effectivePair, escalationOdds, type EscalationOdds } from './military.js';
import { catalogueDemand, catalogueInstrument, demandWeight, planCost, pressureRegion, wentThrough } from './queries.js';
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
      } else {
        if (dem.def) applyEffects(d, catalogueDemand(d.scenario, dem.def)!.onRefuse);
        backDown(d, dem);
      }
    }
  }

  const s = d.scenario;
  for (const p of PARTIES) {
    const party = d.parties[p];
    if (party.support < s.support.crisisThreshold) {
      d.stats.crises[p]++;
      emit(d, 'crisis.government', { party: p });
      // A government that collapses while the fighting is heavy gives in (as in November 2020).
      if (d.escalation >= s.support.capitulationFrom) {
        capitulate(d, p);
        return;
      }
      party.support = s.support.crisisReset;
      party.standing = meter(party.standing - s.support.crisisStandingLoss);
    }
    const keep = 1 - s.military.attrition;
    for (const c of COMPONENTS) party.strength[c] *= keep;
  }

  const end = s.roundEnd;
  if (!escalated) {
    d.escalation = Math.max(0, d.escalation - s.escalation.cooling);
    d.stability = meter(d.stability + end.stabilityIfQuiet);
  }
  for (const id in d.regions) {
    const r = d.regions[id];
    if (r.tension > end.tensionFloor) r.tension = Math.max(end.tensionFloor, r.tension - end.tensionEasing);
  }
  for (const k in d.mediators) {
    const med = d.mediators[k as keyof typeof d.mediators]!;
    med.prestige = meter(med.prestige + (escalated ? end.prestigeIfEscalated : end.prestigeIfQuiet));
  }
  d.stats.maxEscalation = Math.max(d.stats.maxEscalation, d.escalation);
  d.warRounds = d.escalation >= s.escalation.levels.war ? d.warRounds + 1 : 0;
  if (d.warRounds >= s.escalation.warRounds) finishMatch(d, { kind: 'war', round: d.round });
}


function executePlan(d: Match, p: Party): void {
  const party = d.parties[p];
  const plan = party.plan;
  if (!plan) return;
  const mil = d.scenario.military;
  const spent = planCost(d.scenario, plan);
  for (const line of plan.procure) {
    const item = d.scenario.procurement.find((x) => x.id === line.item)!;
    for (let i = 0; i < line.qty; i++) {
      party.pipeline.push({ itemId: item.id, component: item.component, gain: item.gain, arrives: d.round + item.delay, supplier: item.supplier });
    }
  }
  party.budget = Math.max(0, party.budget - spent);
  party.reform = Math.min(mil.reformCap, party.reform + plan.reform * mil.reformPerPoint);
  party.standing = meter(party.standing + plan.diplomacy * mil.diplomacyPerPoint);
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

/** The addressee gives way (or is forced to): the demand's effects, support lost at home, appetite for more. */
function concede(d: Match, dem: Demand, coerced: boolean): void {
  dem.resolved = true;
  dem.status = coerced ? 'imposed' : 'accepted';
  const s = d.scenario;
  const def = catalogueDemand(s, dem.def);
  const weight = demandWeight(s, def);
  if (def) applyEffects(d, def.onAccept);
  const loser = d.parties[dem.to];
  loser.support = meter(loser.support - weight * s.support.perConcessionWeight * (coerced ? s.support.coercedFactor : 1));
  loser.concessions += weight;
  d.parties[dem.from].support = meter(d.parties[dem.from].support + weight * s.support.issuerGainPerWeight);
  if (dem.from === 'azerbaijan') d.appetite = clamp(d.appetite + s.appetite.perAcceptance, s.appetite.limits.min, s.appetite.limits.max);
  d.stats.demandsAccepted[dem.from]++;
  emit(d, coerced ? 'demand.coerced' : 'demand.implemented', { id: dem.id, from: dem.from, to: dem.to, demand: dem.def ?? '' });
}

/**
 * Baku does not press a refused demand: before a public whose appetite its own gains have raised,
 * backing down costs the government support (the more it was led to expect, the more it costs).
 */
function backDown(d: Match, dem: Demand): void {
  if (dem.from !== 'azerbaijan') return;
  const party = d.parties.azerbaijan;
  party.support = meter(party.support - d.appetite * d.scenario.appetite.standDownCost);
}

/**
 * `party` capitulates: every demand of the other side that has not gone through is imposed, and
 * the match ends. The rule of a government that collapses at war, and of the capitulate action.
 */
export function capitulate(d: Match, party: Party): void {
  for (const dem of d.demands) {
    if (dem.to === party && !wentThrough(dem) && dem.status !== 'withdrawn') concede(d, dem, true);
  }
  emit(d, 'match.capitulation', { party });
  finishMatch(d, { kind: 'capitulation', round: d.round, party });
}

/** Where the issuer presses after a refusal, if it does: its choice, else what it prepared. */
function chosenEscalation(d: Match, dem: Demand): string | null {
  if (dem.escalate) return dem.escalate.region;
  if (dem.escalate === false) return null;
  const prepared = d.parties[dem.from].plan?.prepareEscalation;
  return prepared ? (d.regions[prepared] ? prepared : pressureRegion(d.scenario, catalogueDemand(d.scenario, dem.def), dem.from)) : null;
}

/** The odds an escalation by `attacker` in `region` would succeed now (true figures). */
export function oddsFor(d: Match, attacker: Party, region: string, prepared: boolean): EscalationOdds {
  const defender = otherParty(attacker);
  const eff = effectivePair(d.scenario, d.parties, d.turkishBacking);
  const mods = pressureModifiers(d.scenario, d, attacker, region);
  const ratio = ratioOf(eff[attacker], eff[defender]) * mods.ratioFactor;
  return escalationOdds(d.scenario, ratio, d.parties[defender].strength.missiles, { prepared, presence: mods.presence, damping: mods.damping });
}

/** What the situation adds to or takes from an escalation, from public facts (a match or any seat's view). */
export function pressureModifiers(
  scenario: Scenario,
  state: Pick<Match, 'round' | 'modifiers' | 'instruments' | 'regions'>,
  attacker: Party,
  region: string,
): { ratioFactor: number; presence: boolean; damping: number } {
  // Plain loops, no sets or callbacks: the bots ask this for every demand they weigh in a playout.
  let damping = 0;
  for (const x of state.instruments) if (x.until >= state.round) damping += catalogueInstrument(scenario, x.id)?.escalationDamping ?? 0;
  // The scenario's modifiers in force that bear on this attacker and region, in the scenario's order.
  let ratioFactor = 1;
  let cancelled: Presence[] | null = null;
  for (const mod of scenario.modifiers) {
    if ((mod.attacker && mod.attacker !== attacker) || (mod.regions && !mod.regions.includes(region))) continue;
    if (!inForce(state, mod.id)) continue;
    damping += mod.damping;
    ratioFactor *= mod.ratioFactor;
    if (mod.cancels.length) cancelled = [...(cancelled ?? []), ...mod.cancels];
  }
  const r = state.regions[region];
  const presence = !!r && ((r.peacekeepers && !cancelled?.includes('peacekeepers')) || (r.monitors && !cancelled?.includes('monitors')));
  return { ratioFactor, presence, damping: Math.min(scenario.escalation.maxDamping, damping) };
}

/** Whether the modifier with this id is in force this round. */
function inForce(state: Pick<Match, 'round' | 'modifiers'>, id: string): boolean {
  for (const x of state.modifiers) if (x.id === id && x.until >= state.round) return true;
  return false;
}

/** Force after a refusal: success makes the demand happen anyway; failure costs the attacker. */
export function resolveEscalation(d: Match, dem: Demand, region: string): void {
  const s = d.scenario;
  const e = s.escalation;
  const attacker = dem.from;
  const defender = dem.to;
  const prepared = !!d.parties[attacker].plan?.prepareEscalation;
  const odds = oddsFor(d, attacker, region, prepared);
  const success = random(d) < odds.success;
  const level = prepared ? e.levels.prepared : e.levels.unprepared;
  // Missiles raise the price: the attacker's losses grow with the defender's arsenal.
  const priceFactor = 1 + d.parties[defender].strength.missiles * e.missilePrice;
  const att = d.parties[attacker];
  const def = d.parties[defender];
  d.stats.escalations[attacker]++;
  att.standing = meter(att.standing - e.standingCost);
  const r = d.regions[region];
  r.tension = meter(r.tension + e.tension);
  if (success) {
    d.stats.escalationSuccesses[attacker]++;
    d.escalation = Math.max(d.escalation, level);
    const lostD = e.casualties.success;
    const lostA = Math.round(e.casualties.success * e.casualties.attackerShareOnSuccess * priceFactor);
    d.stats.casualties[defender] += lostD;
    d.stats.casualties[attacker] += lostA;
    if (r.controller !== attacker) {
      r.displaced += e.displaced;
      d.stats.displaced += e.displaced;
    }
    def.support = meter(def.support - e.supportLossDefender);
    att.support = meter(att.support + e.supportGainAttacker);
    // A line that was overrun is no longer kept: those presences leave the region.
    for (const presence of e.withdrawOnSuccess) r[presence] = false;
    d.stability = meter(d.stability - e.stabilityCost);
    emit(d, 'escalation.success', { id: dem.id, attacker, region, chance: percent(odds.success), lostA, lostD, displaced: r.controller !== attacker ? e.displaced : 0 });
    concede(d, dem, true);
  } else {
    // The defender held: fighting goes on, one step higher if it was already heavy.
    d.escalation = Math.min(e.levels.war, Math.max(d.escalation, level) + (d.escalation >= e.failureRaisesFrom ? 1 : 0));
    const lostA = Math.round(e.casualties.failure * priceFactor);
    const lostD = Math.round(e.casualties.failure * e.casualties.defenderShareOnFailure);
    d.stats.casualties[attacker] += lostA;
    d.stats.casualties[defender] += lostD;
    att.support = meter(att.support - e.supportLossFailedAttacker);
    def.support = meter(def.support + e.supportGainHeldDefender);
    d.stability = meter(d.stability - e.stabilityCostFailed);
    if (attacker === 'azerbaijan') d.appetite = clamp(d.appetite - s.appetite.perRefusalResisted, s.appetite.limits.min, s.appetite.limits.max);
    emit(d, 'escalation.failure', { id: dem.id, attacker, region, chance: percent(odds.success), lostA, lostD });
  }
  for (const k in d.mediators) {
    const med = d.mediators[k as keyof typeof d.mediators]!;
    // Russia's peacekeepers and the EU's monitors lose face when fighting reaches them.
    if ((k === 'russia' && r.peacekeepers) || (k === 'eu' && r.monitors)) med.prestige = meter(med.prestige - e.presencePrestigeCost);
  }
}
