// npm run bench:bots — decision time per bot kind, and a seeded tournament:
// for each seat, the search bot against every personality and the random baseline on the same seeds.
// Options: --seeds N (per seat, default 50: 4 seats × 50 = 200 search games), --level easy|normal|hard,
// --uncapped (no time cap: the search spends its whole playout budget, so a loaded machine plays
// the same games as a quiet one; the decision times printed are then what that budget costs here),
// --first S (seeds S..S+N-1, default 1: a held-out range), --seat eu (only that seat's games).
// A win is a strictly higher score than the opponent's on the same seat and seed; ties are counted apart.
import { parseArgs } from 'node:util';
import { loadScenario } from '../shared/scenario/files.js';
import { playingSeats, seatScores } from '../shared/engine/index.js';
import { actsIn, botActions, personalitiesFor, preferredPersonality, SEARCH_LEVELS, type Difficulty } from '../shared/bots/index.js';
import { playMatch } from '../shared/sim/play.js';
import { searchStats } from '../shared/bots/search.js';
import type { PlayingSeat } from '../shared/scenario/schema.js';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '50' }, level: { type: 'string', default: 'normal' }, uncapped: { type: 'boolean', default: false }, first: { type: 'string', default: '1' }, seat: { type: 'string' } } });
const perSeat = Number(values.seeds);
const first = Number(values.first);
const search = `search-${values.level}`;
if (values.uncapped) SEARCH_LEVELS[values.level as Difficulty].timeMs = Number.POSITIVE_INFINITY;
const scenario = loadScenario('august-2022');
const seats = playingSeats(scenario).filter((s) => !values.seat || s === values.seat);
const times = new Map<string, number[]>();
/** Time spent in the search bot's decisions (every pass), for its playouts per second. */
let searchMs = 0;

/** Play one game with `seat` on `strategy` (the rest default), timing that seat's decisions. */
function play(seed: number, seat: PlayingSeat, strategy: string): number {
  const kind = strategy.startsWith('search') ? 'search' : strategy;
  const m = playMatch(scenario, seed, { [seat]: strategy }, (m, s, pass) => {
    const t0 = performance.now();
    const actions = botActions(m, s);
    const ms = performance.now() - t0;
    if (s === seat && kind === 'search') searchMs += ms;
    if (s === seat && pass === 0 && actsIn(s, m.phase)) (times.get(kind) ?? times.set(kind, []).get(kind)!).push(ms);
    return actions;
  });
  return seatScores(m).find((x) => x.seat === seat)!.total;
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

// The search's preferred personality on each seat is found once per scenario (the server's first
// search decision pays for it): found here first, so the times and playouts/s are the decisions' own.
for (const seat of seats) preferredPersonality(scenario, seat);

console.log(`Tournament: scenario ${scenario.id}, seeds ${first}..${first + perSeat - 1} per seat, search level ${values.level}${values.uncapped ? ' (uncapped)' : ''}`);
console.log('seat        opponent      opp score  search score  search wins  ties');
const wins = new Map<string, { won: number; games: number }>();
let searchWon = 0;
let searchGames = 0;
let worst = 1;
let worstName = '';
for (const seat of seats) {
  const seeds = Array.from({ length: perSeat }, (_, i) => i + first);
  const searchScores = seeds.map((seed) => play(seed, seat, search));
  for (const opponent of [...personalitiesFor(seat), 'random']) {
    const scores = seeds.map((seed) => play(seed, seat, opponent));
    const won = seeds.filter((_, i) => searchScores[i] > scores[i]).length;
    const tied = seeds.filter((_, i) => searchScores[i] === scores[i]).length;
    if (opponent !== 'random' && won / perSeat < worst) [worst, worstName] = [won / perSeat, `${seat} vs ${opponent}`];
    searchWon += won;
    searchGames += perSeat;
    // A personality's own record: how often it beats the random baseline on this seat, filled below.
    const w = wins.get(opponent) ?? { won: 0, games: 0 };
    wins.set(opponent, w);
    console.log(`${seat.padEnd(11)} ${opponent.padEnd(13)} ${mean(scores).toFixed(1).padStart(9)}  ${mean(searchScores).toFixed(1).padStart(12)}  ${((100 * won) / perSeat).toFixed(0).padStart(10)}%  ${String(tied).padStart(4)}`);
  }
  const randomScores = seeds.map((seed) => play(seed, seat, 'random'));
  for (const p of personalitiesFor(seat)) {
    const scores = seeds.map((seed) => play(seed, seat, p));
    const w = wins.get(p)!;
    w.won += seeds.filter((_, i) => scores[i] > randomScores[i]).length;
    w.games += perSeat;
  }
}
console.log(`search beat the weakest personality matchup (${worstName}) in ${(100 * worst).toFixed(0)}% of games`);
console.log(`search: ${searchStats.decisions} searched decisions, ${(searchStats.playouts / Math.max(1, searchStats.decisions)).toFixed(0)} playouts each on average, ${searchStats.capped} stopped by the time cap, ${((1000 * searchStats.playouts) / Math.max(1, searchMs)).toFixed(0)} playouts/s`);
console.log('');
for (const [kind, xs] of times) {
  const w = kind === 'search' ? (100 * searchWon) / searchGames : kind === 'random' ? NaN : (100 * wins.get(kind)!.won) / Math.max(1, wins.get(kind)!.games);
  const label = kind === 'search' ? 'wins' : 'winsVsRandom';
  console.log(`bots: ${kind} p50=${pct(xs, 0.5).toFixed(2)} ms p95=${pct(xs, 0.95).toFixed(2)} ms ${label}=${Number.isNaN(w) ? '-' : w.toFixed(0) + '%'}`);
}
