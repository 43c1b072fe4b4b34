// Figures over many seeded bot games: what the fidelity tests and the simulator report.
import type { Scenario } from '../scenario/schema.js';
import type { Match } from '../engine/types.js';
import { wentThrough } from '../engine/queries.js';
import { lastingPeace } from '../engine/score.js';
import { playMatch, type Strategies } from './play.js';

export interface GameFigures {
  seed: number;
  ending: string;
  rounds: number;
  startRatio: number;
  endRatio: number;
  /** Azerbaijani demands issued in each round, index 0 = round 1. */
  demandsByRound: number[];
  escalations: { round: number; success: boolean }[];
  /** Azerbaijani demands refused, countered or left to expire, by round. */
  refusalsByRound: number[];
  /** Azerbaijani demands that went through (accepted or imposed). */
  conceded: number;
  /** Armenian escalations. */
  armenianEscalations: number;
  lastingPeace: number;
  settlement: { round: number; durability: number; ratio: number } | null;
}

export function figures(m: Match): GameFigures {
  const demandsByRound = Array.from({ length: m.scenario.rounds }, () => 0);
  for (const d of m.demands) if (d.from === 'azerbaijan') demandsByRound[d.issued - 1]++;
  const escalations = m.events
    .filter((e) => (e.key === 'escalation.success' || e.key === 'escalation.failure') && e.params.attacker === 'azerbaijan')
    .map((e) => ({ round: e.round, success: e.key === 'escalation.success' }));
  const refusalsByRound = Array.from({ length: m.scenario.rounds }, () => 0);
  for (const e of m.events) {
    if ((e.key === 'demand.refused' || e.key === 'demand.countered' || e.key === 'demand.expired') && e.params.from === 'azerbaijan') refusalsByRound[e.round - 1]++;
  }
  return {
    seed: m.seed,
    ending: m.ended?.kind ?? 'none',
    rounds: m.ended?.round ?? m.round,
    startRatio: m.history[0].ratio,
    endRatio: m.history[m.history.length - 1].ratio,
    demandsByRound,
    escalations,
    refusalsByRound,
    conceded: m.demands.filter((d) => d.from === 'azerbaijan' && wentThrough(d)).length,
    armenianEscalations: m.stats.escalations.armenia,
    lastingPeace: lastingPeace(m),
    settlement: m.settlement ? { round: m.settlement.round, durability: m.settlement.durability, ratio: m.settlement.ratio } : null,
  };
}

export function playMany(scenario: Scenario, seeds: readonly number[], strategies: Strategies): GameFigures[] {
  return seeds.map((seed) => figures(playMatch(scenario, seed, strategies)));
}

export const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Share of Azerbaijani escalations that succeeded, optionally only from a given round on. */
export function escalationSuccessRate(games: readonly GameFigures[], fromRound = 1): { rate: number; count: number } {
  const all = games.flatMap((g) => g.escalations.filter((e) => e.round >= fromRound));
  return { rate: all.length ? all.filter((e) => e.success).length / all.length : NaN, count: all.length };
}

/** Mean Azerbaijani demands per round played, over rounds [from, to]. */
export function demandRate(games: readonly GameFigures[], from: number, to: number): number {
  const rates = games.map((g) => {
    const last = Math.min(to, g.rounds);
    if (last < from) return NaN;
    let n = 0;
    for (let r = from; r <= last; r++) n += g.demandsByRound[r - 1];
    return n / (last - from + 1);
  });
  return mean(rates.filter((x) => !Number.isNaN(x)));
}

export function settlementFigures(games: readonly GameFigures[]) {
  const s = games.flatMap((g) => (g.settlement ? [g.settlement] : []));
  return { count: s.length, durability: mean(s.map((x) => x.durability)), round: mean(s.map((x) => x.round)), ratio: mean(s.map((x) => x.ratio)) };
}

/** Seeds first..first+n-1. */
export const seedRange = (first: number, n: number) => Array.from({ length: n }, (_, i) => first + i);

/** A copy of the scenario with another Turkish-backing factor. */
export function withBacking(s: Scenario, factor: number): Scenario {
  return { ...s, military: { ...s.military, turkishBacking: factor } };
}

/** Share of refused Azerbaijani demands that were then imposed by force, from a given round on. */
export function coercionRate(games: readonly GameFigures[], fromRound = 1): { rate: number; refusals: number } {
  let refusals = 0;
  let coerced = 0;
  for (const g of games) {
    refusals += g.refusalsByRound.slice(fromRound - 1).reduce((a, b) => a + b, 0);
    coerced += g.escalations.filter((e) => e.round >= fromRound && e.success).length;
  }
  return { rate: refusals ? coerced / refusals : NaN, refusals };
}

/**
 * The least-squares slope of settlement durability on `x` (the round of signing, the balance at
 * signing…), with its standard error: how durability moves with it across the deals reached.
 * With several groups of games (one policy against each of several opponents), each group is
 * centred on its own means first, so the slope is the one within a group, not between them.
 */
export function durabilitySlope(groups: readonly (readonly GameFigures[])[], x: (s: NonNullable<GameFigures['settlement']>) => number): { slope: number; se: number; deals: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const games of groups) {
    const s = games.flatMap((g) => (g.settlement ? [g.settlement] : []));
    const gx = s.map(x);
    const gy = s.map((d) => d.durability);
    const mx = mean(gx);
    const my = mean(gy);
    for (let i = 0; i < s.length; i++) {
      xs.push(gx[i] - mx);
      ys.push(gy[i] - my);
    }
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += xs[i] * ys[i];
    sxx += xs[i] ** 2;
  }
  const slope = sxy / sxx;
  let rss = 0;
  for (let i = 0; i < xs.length; i++) rss += (ys[i] - slope * xs[i]) ** 2;
  return { slope, se: Math.sqrt(rss / Math.max(1, xs.length - groups.length - 1) / sxx), deals: xs.length };
}

/** Demands Azerbaijan imposed by force per round played, from a given round on (rounds the games did not reach do not count). */
export function impositionsPerRound(games: readonly GameFigures[], fromRound = 1): number {
  let imposed = 0;
  let rounds = 0;
  for (const g of games) {
    imposed += g.escalations.filter((e) => e.round >= fromRound && e.success).length;
    rounds += Math.max(0, g.rounds - fromRound + 1);
  }
  return rounds ? imposed / rounds : NaN;
}

/** Mean shared lasting-peace score. */
export const meanLastingPeace = (games: readonly GameFigures[]) => mean(games.map((g) => g.lastingPeace));

/** What bot games on a scenario come to, as docs/scenarios.md reports it (`npm run simulate -- --seeds A-B`). */
export interface Summary {
  games: number;
  /** Games by how they ended. */
  endings: Record<string, number>;
  /** Games with at least one Azerbaijani escalation, and the share of those escalations that succeeded. */
  escalationGames: number;
  escalations: { rate: number; count: number };
  settlements: { count: number; durability: number; round: number; ratio: number };
}

export function summarise(games: readonly GameFigures[]): Summary {
  const endings: Record<string, number> = {};
  for (const g of games) endings[g.ending] = (endings[g.ending] ?? 0) + 1;
  return {
    games: games.length,
    endings,
    escalationGames: games.filter((g) => g.escalations.length > 0).length,
    escalations: escalationSuccessRate(games),
    settlements: settlementFigures(games),
  };
}
