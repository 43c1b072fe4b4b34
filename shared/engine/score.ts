// Ending a match and scoring it: private objectives per seat plus the shared lasting-peace score.
import { checksOf, type Check, type Objective, type PlayingSeat } from '../scenario/schema.js';
import { emit, meters, playingSeats } from './match.js';
import { balanceRatio } from './military.js';
import { wentThrough } from './queries.js';
import type { Ending, Match } from './types.js';

export function finishMatch(d: Match, ending: Ending): void {
  if (d.ended) return;
  d.ended = ending;
  const last = d.history[d.history.length - 1];
  if (!last || last.round !== d.round) d.history.push(meters(d));
  else d.history[d.history.length - 1] = meters(d);
  emit(d, 'match.ended', { kind: ending.kind, round: ending.round });
}

/** Whether one objective is met in the match as it stands: every one of its checks holds. */
export function objectiveMet(m: Match, o: Objective): boolean {
  return checksOf(o).every((c) => checkMet(m, c));
}

/** Whether the fighting was at war level when the match ended (a war ending, or a capitulation at war). */
export function endedAtWar(m: Match): boolean {
  return m.ended?.kind === 'war' || (m.ended?.kind === 'capitulation' && m.escalation >= m.scenario.escalation.levels.war);
}

function checkMet(m: Match, c: Check): boolean {
  switch (c.metric) {
    case 'support':
      return m.parties[c.party].support >= c.atLeast && !(c.noCrisis && m.stats.crises[c.party] > 0);
    case 'standing':
      return m.parties[c.party].standing >= c.atLeast;
    case 'controls':
      return m.regions[c.region]?.controller === c.controller;
    case 'balanceAtMost':
      return balanceRatio(m.scenario, m.parties, m.turkishBacking) <= c.ratio;
    case 'balanceAtLeast':
      return balanceRatio(m.scenario, m.parties, m.turkishBacking) >= c.ratio;
    case 'settlement':
      return m.settlement !== null;
    case 'settlementUnder':
      return m.settlement?.auspices === c.mediator;
    case 'clauseSigned':
      return m.settlement?.clauses.includes(c.clause) ?? false;
    case 'obtained':
      return m.demands.some((d) => d.def === c.demand && wentThrough(d)) || (m.settlement?.clauses.includes(c.clause) ?? false);
    case 'withheld':
      return !m.demands.some((d) => d.def === c.demand && wentThrough(d));
    case 'noWar':
      return !endedAtWar(m);
    case 'stabilityAtLeast':
      return m.stability >= c.value;
    case 'demandsAccepted':
      return m.stats.demandsAccepted[c.from] >= c.atLeast;
    case 'peacekeepersIn':
      return m.regions[c.region]?.peacekeepers === true;
    case 'prestigeAtLeast':
      return (m.mediators[c.mediator]?.prestige ?? 0) >= c.value;
  }
}

/**
 * The score every seat shares: a settlement's durability. Without one, a share of the stability
 * (a calm without a deal is fragile), less for every concession made under pressure: a quiet
 * bought by giving way is the circle, not peace. Nothing after a war or a capitulation.
 */
export function lastingPeace(m: Match): number {
  if (m.ended?.kind === 'war' || m.ended?.kind === 'capitulation') return 0;
  if (m.settlement) return m.settlement.durability;
  const w = m.scenario.scoring;
  const conceded = m.parties.armenia.concessions + m.parties.azerbaijan.concessions;
  return m.stability * w.peaceWithoutSettlement * Math.max(0, 1 - conceded * w.peaceLostPerConcession);
}

export interface SeatScore {
  seat: PlayingSeat;
  objectives: { id: string; points: number; met: boolean }[];
  objectivePoints: number;
  lastingPeace: number;
  total: number;
}

export function seatScores(m: Match): SeatScore[] {
  const peace = lastingPeace(m);
  const w = m.scenario.scoring;
  return playingSeats(m.scenario).map((seat) => {
    const objectives = (m.scenario.seats[seat]?.objectives ?? []).map((o) => ({ id: o.id, points: o.points, met: objectiveMet(m, o) }));
    const objectivePoints = objectives.reduce((s, o) => s + (o.met ? o.points : 0), 0);
    return { seat, objectives, objectivePoints, lastingPeace: peace, total: w.objectiveWeight * objectivePoints + w.lastingPeaceWeight * peace };
  });
}
