// npx tsx bench/decisions.ts — the search bot's decisions on fixed seeds, and what they cost.
// For each seat and seed, one match with the search bot (uncapped: its decisions depend only on
// its playout budget) in that seat and the other seats on their defaults: every decision's actions
// and the final scores, as JSON (--out FILE), and the playouts run per second of search time.
// A change meant to make playouts cheaper must leave the JSON byte-identical: run this on the old
// tree and the new one (--root DIR runs the code of another checkout, e.g. the base commit's), back
// to back, and compare the files and the rates.
// Options: --seeds N (default 2), --first S (default 1), --seat S (default every seat),
// --level easy|normal|hard (default normal), --out FILE, --root DIR (default this checkout).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '2' }, first: { type: 'string', default: '1' }, seat: { type: 'string' }, level: { type: 'string', default: 'normal' }, out: { type: 'string' }, root: { type: 'string' } } });
const root = resolve(values.root ?? resolve(import.meta.dirname, '..'));
const load = (path: string) => import(pathToFileURL(`${root}/${path}`).href);

const [{ loadScenario }, engine, bots, { playMatch }, { searchStats }] = await Promise.all([
  load('shared/scenario/files.ts'),
  load('shared/engine/index.ts'),
  load('shared/bots/index.ts'),
  load('shared/sim/play.ts'),
  load('shared/bots/search.ts'),
]);
const levels = bots.SEARCH_LEVELS as Record<string, { timeMs: number }>;
levels[values.level].timeMs = Number.POSITIVE_INFINITY;
const scenario = loadScenario('august-2022');
const seats: string[] = engine.playingSeats(scenario).filter((s: string) => !values.seat || s === values.seat);
const first = Number(values.first);
const seeds = Array.from({ length: Number(values.seeds) }, (_, i) => first + i);

// The search's first decision on a seat finds its preferred personality (once per scenario): done
// before the clock starts, so the rate is the playouts' alone.
for (const seat of seats) bots.preferredPersonality(scenario, seat);

const games: unknown[] = [];
let searchMs = 0;
let searchCpuMs = 0;
const playoutsBefore = searchStats.playouts;
for (const seat of seats) {
  for (const seed of seeds) {
    const decisions: { round: number; phase: string; pass: number; actions: unknown }[] = [];
    const m = playMatch(scenario, seed, { [seat]: `search-${values.level}` }, (m: { round: number; phase: string }, s: string, pass: number) => {
      if (s !== seat) return bots.botActions(m, s);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const actions = bots.botActions(m, s);
      const c = process.cpuUsage(c0);
      searchCpuMs += (c.user + c.system) / 1000;
      searchMs += performance.now() - t0;
      decisions.push({ round: m.round, phase: m.phase, pass, actions });
      return actions;
    });
    games.push({ seat, seed, decisions, scores: engine.seatScores(m) });
  }
}
const playouts = searchStats.playouts - playoutsBefore;
const json = JSON.stringify(games, null, 1);
if (values.out) writeFileSync(values.out, json + '\n');
console.log(`decisions: ${root}, ${seats.join(',')} × seeds ${first}..${first + seeds.length - 1}, level ${values.level} uncapped`);
// CPU time as well as wall time: on a shared machine the wall clock counts the other processes too.
console.log(`${playouts} playouts in ${(searchMs / 1000).toFixed(1)} s of search (${(searchCpuMs / 1000).toFixed(1)} s CPU): ${((1000 * playouts) / searchMs).toFixed(0)} playouts/s, ${((1000 * playouts) / searchCpuMs).toFixed(0)} per CPU second`);
