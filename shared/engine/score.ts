// Ending a match and scoring it: private objectives per seat plus the shared lasting-peace score.
import type { Objective, PlayingSeat } from '../scenario/schema.js';
import { emit, meters, playingSeats } from './match.js';
import { balanceRatio } from './military.js';
import type { Ending, Match } from './types.js';

export function finishMatch(d: Match, ending: Ending): void {
  if (d.ended) return;
  d.ended = ending;
  const last = d.history[d.history.length - 1];
  if (!last || last.round !== d.round) d.history.push(meters(d));
  else d.history[d.history.length - 1] = meters(d);
  emit(d, 'match.ended', { kind: ending.kind, round: ending.round });
}

/** Whether one objective is met in the match as it stands. */
export function objectiveMet(m: Match, o: Objective): boolean {
  const c = o.check;
  switch (c.metric) {
    case 'support':
      return m.parties[c.party].support >= c.atLeast;
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
      return m.demands.some((d) => d.def === c.demand && d.status === 'accepted') || (m.settlement?.clauses.includes(c.clause) ?? false);
    case 'noWar':
      return m.ended?.kind !== 'war';
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
 * The score every seat shares: a settlement's durability; without one, half the stability
 * (a calm without a deal is fragile); nothing after a war.
 */
export function lastingPeace(m: Match): number {
  if (m.ended?.kind === 'war') return 0;
  if (m.settlement) return m.settlement.durability;
  return m.stability * m.scenario.scoring.peaceWithoutSettlement;
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
