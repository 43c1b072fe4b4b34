// The personality grid: every Armenian personality against every Azerbaijani one, under every mix
// of mediator personalities, over the same seeds. What a facilitator reads before class
// (`npm run simulate -- --grid`) and what the game-level tests check.
import type { Mediator, Party, PlayingSeat, Scenario } from '../scenario/schema.js';
import { PARTIES } from '../scenario/schema.js';
import { personalitiesFor } from '../bots/index.js';
import { lastingPeace, seatScores } from '../engine/score.js';
import { playingSeats } from '../engine/match.js';
import { wentThrough } from '../engine/queries.js';
import type { Ending, Match } from '../engine/types.js';
import { playMatch, type Strategies } from './play.js';

/** One game of the grid: who played, how it ended, what each seat met. */
export interface GridGame {
  seed: number;
  strategies: Strategies;
  ending: Ending['kind'] | 'none';
  round: number;
  /** Objectives met, per seat. */
  met: Partial<Record<PlayingSeat, string[]>>;
  /** Share of the seat's objective points met, 0..1. */
  share: Partial<Record<PlayingSeat, number>>;
  /** Each seat's total score. */
  score: Partial<Record<PlayingSeat, number>>;
  lastingPeace: number;
  settlement: { round: number; auspices: Mediator | null; durability: number; ratio: number } | null;
  /** Azerbaijani demands issued, and those that went through (accepted or imposed). */
  azDemands: number;
  azConceded: number;
}

export function gridGame(m: Match, strategies: Strategies): GridGame {
  const met: GridGame['met'] = {};
  const share: GridGame['share'] = {};
  const score: GridGame['score'] = {};
  for (const sc of seatScores(m)) {
    met[sc.seat] = sc.objectives.filter((o) => o.met).map((o) => o.id);
    const total = sc.objectives.reduce((s, o) => s + o.points, 0);
    share[sc.seat] = total ? sc.objectivePoints / total : 0;
    score[sc.seat] = sc.total;
  }
  const az = m.demands.filter((d) => d.from === 'azerbaijan');
  return {
    seed: m.seed,
    strategies,
    ending: m.ended?.kind ?? 'none',
    round: m.ended?.round ?? m.round,
    met,
    share,
    score,
    lastingPeace: lastingPeace(m),
    settlement: m.settlement ? { round: m.settlement.round, auspices: m.settlement.auspices, durability: m.settlement.durability, ratio: m.settlement.ratio } : null,
    azDemands: az.length,
    azConceded: az.filter(wentThrough).length,
  };
}

/** Every personality pair, each under every mix of mediator personalities the scenario's seats allow. */
export function gridCells(scenario: Scenario): Strategies[] {
  const mixes: Strategies[] = [{}];
  for (const med of scenario.mediators) {
    const next: Strategies[] = [];
    for (const mix of mixes) for (const p of personalitiesFor(med)) next.push({ ...mix, [med]: p });
    mixes.splice(0, mixes.length, ...next);
  }
  const cells: Strategies[] = [];
  for (const armenia of personalitiesFor('armenia')) for (const azerbaijan of personalitiesFor('azerbaijan')) for (const mix of mixes) cells.push({ armenia, azerbaijan, ...mix });
  return cells;
}

/** Play every cell of the grid on seeds first..first+perCell-1 (the same seeds in every cell). */
export function playGrid(scenario: Scenario, first: number, perCell: number): GridGame[] {
  const out: GridGame[] = [];
  for (const cell of gridCells(scenario)) for (let seed = first; seed < first + perCell; seed++) out.push(gridGame(playMatch(scenario, seed, cell), cell));
  return out;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export interface GridSummary {
  games: number;
  /** Share of games by ending. */
  endings: Record<string, number>;
  /** Per seat and objective: share of games in which it was met. */
  objectives: Partial<Record<PlayingSeat, Record<string, number>>>;
  /** Per seat: mean share of its objective points met. */
  seatShare: Partial<Record<PlayingSeat, number>>;
  /** Games with the same personality on both mediator seats: deals brokered by each, and deals in all. */
  sameMediators: { deals: number; by: Partial<Record<Mediator, number>> } | null;
  /**
   * Per party: for each of its personalities, the opponents (the other party's personalities,
   * mediator mixes pooled) against which it scores best on that seat. A policy that is best
   * against every opponent dominates.
   */
  bestAgainst: Record<Party, Record<string, string[]>>;
}

export function summariseGrid(scenario: Scenario, games: readonly GridGame[]): GridSummary {
  const endings: Record<string, number> = {};
  for (const g of games) endings[g.ending] = (endings[g.ending] ?? 0) + 1 / games.length;
  const objectives: GridSummary['objectives'] = {};
  const seatShare: GridSummary['seatShare'] = {};
  for (const seat of playingSeats(scenario)) {
    const rates: Record<string, number> = {};
    for (const o of scenario.seats[seat]!.objectives) rates[o.id] = games.filter((g) => g.met[seat]?.includes(o.id)).length / games.length;
    objectives[seat] = rates;
    seatShare[seat] = mean(games.map((g) => g.share[seat] ?? 0));
  }
  let sameMediators: GridSummary['sameMediators'] = null;
  if (scenario.mediators.length > 1) {
    const same = games.filter((g) => g.settlement && new Set(scenario.mediators.map((m) => g.strategies[m])).size === 1);
    const by: Partial<Record<Mediator, number>> = {};
    for (const m of scenario.mediators) by[m] = same.filter((g) => g.settlement!.auspices === m).length;
    sameMediators = { deals: same.length, by };
  }
  const bestAgainst = {} as GridSummary['bestAgainst'];
  for (const party of PARTIES) {
    const other = party === 'armenia' ? 'azerbaijan' : 'armenia';
    const mine = personalitiesFor(party);
    const table: Record<string, string[]> = Object.fromEntries(mine.map((p) => [p, []]));
    for (const opp of personalitiesFor(other)) {
      const scoreOf = (p: string) => mean(games.filter((g) => g.strategies[party] === p && g.strategies[other] === opp).map((g) => g.score[party] ?? 0));
      const best = mine.reduce((a, b) => (scoreOf(b) > scoreOf(a) ? b : a));
      table[best].push(opp);
    }
    bestAgainst[party] = table;
  }
  return { games: games.length, endings, objectives, seatShare, sameMediators, bestAgainst };
}

/** Per personality pair (mediator mixes pooled): endings, mean scores and lasting peace. */
export function pairTable(scenario: Scenario, games: readonly GridGame[]) {
  const rows: { armenia: string; azerbaijan: string; games: number; endings: Record<string, number>; score: Partial<Record<PlayingSeat, number>>; share: Partial<Record<PlayingSeat, number>>; lastingPeace: number; durability: number }[] = [];
  for (const armenia of personalitiesFor('armenia')) {
    for (const azerbaijan of personalitiesFor('azerbaijan')) {
      const g = games.filter((x) => x.strategies.armenia === armenia && x.strategies.azerbaijan === azerbaijan);
      const endings: Record<string, number> = {};
      for (const x of g) endings[x.ending] = (endings[x.ending] ?? 0) + 1;
      const score: Partial<Record<PlayingSeat, number>> = {};
      const share: Partial<Record<PlayingSeat, number>> = {};
      for (const seat of playingSeats(scenario)) {
        score[seat] = mean(g.map((x) => x.score[seat] ?? 0));
        share[seat] = mean(g.map((x) => x.share[seat] ?? 0));
      }
      const deals = g.flatMap((x) => (x.settlement ? [x.settlement.durability] : []));
      rows.push({ armenia, azerbaijan, games: g.length, endings, score, share, lastingPeace: mean(g.map((x) => x.lastingPeace)), durability: mean(deals) });
    }
  }
  return rows;
}
