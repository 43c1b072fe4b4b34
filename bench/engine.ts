// npm run bench:engine — round resolutions per second on one core.
// Matches are brought by bots to the response phase of a mid-game round (plans, demands and
// refusals in place); the timed step is advancePhase into resolution, which resolves the round.
import { loadScenario } from '../shared/scenario/files.js';
import { advancePhase, createMatch, playingSeats, type Match } from '../shared/engine/index.js';
import { stepBots } from '../shared/sim/play.js';

const scenario = loadScenario('august-2022');
const seats = playingSeats(scenario);

function atResponse(seed: number, round: number): Match {
  let m = createMatch(scenario, seed, { armenia: { controller: 'bot', strategy: 'refuse' } });
  while (!m.ended && !(m.round === round && m.phase === 'response')) {
    m = stepBots(m, seats);
    m = advancePhase(m).match;
  }
  return stepBots(m, seats);
}

const fixtures: Match[] = [];
for (let seed = 1; fixtures.length < 64; seed++) {
  const m = atResponse(seed, 1 + (seed % 4));
  if (!m.ended && m.phase === 'response') fixtures.push(m);
}

function run(iterations: number): number {
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += advancePhase(fixtures[i & 63]).match.escalation;
  const ns = Number(process.hrtime.bigint() - t0);
  if (sink < 0) console.log(sink);
  return iterations / (ns / 1e9);
}

run(20_000); // warm up the JIT
const samples = [run(100_000), run(100_000), run(100_000)].sort((a, b) => a - b);
console.log(`fixtures: ${fixtures.length} matches at a response phase (rounds 1-4), resolution by advancePhase`);
console.log(`samples: ${samples.map((s) => Math.round(s)).join(', ')} rounds/s`);
console.log(`engine: ${Math.round(samples[1])} rounds/s`);
