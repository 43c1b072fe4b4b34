// npm run simulate -- --scenario august-2022 --seed 42 --strategies armenia=invest,azerbaijan=hawk
//   plays one match with bots in every seat and prints it round by round;
// npm run simulate -- --scenario august-2022 --seeds 1-100 [--strategies …]
//   plays one match per seed and prints what they come to (the figures in docs/scenarios.md);
// npm run simulate -- --scenario august-2022 --grid [--seeds 1000-1004]
//   plays every personality pair under every mix of mediator personalities, on each seed, and
//   prints endings, scores and objective rates per pair and over the grid (what a scenario does).
import { parseArgs } from 'node:util';
import { PLAYING_SEATS, type PlayingSeat } from '../scenario/schema.js';
import { loadScenario, listScenarioIds } from '../scenario/files.js';
import { strategiesFor } from '../bots/index.js';
import { playMany, seedRange, summarise } from './metrics.js';
import { playMatch, type Strategies } from './play.js';
import { playGrid } from './grid.js';
import { renderGrid, renderMatch, renderSummary } from './table.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'august-2022' },
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string' },
    strategies: { type: 'string', default: '' },
    backing: { type: 'string' },
    events: { type: 'boolean', default: false },
    grid: { type: 'boolean', default: false },
  },
});

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

if (!listScenarioIds().includes(values.scenario!)) fail(`unknown scenario "${values.scenario}"; shipped: ${listScenarioIds().join(', ')}`);
let scenario = loadScenario(values.scenario!);
if (values.backing) scenario = { ...scenario, military: { ...scenario.military, turkishBacking: Number(values.backing) } };
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a non-negative integer, got "${values.seed}"`);

const strategies: Strategies = {};
for (const pair of values.strategies!.split(',').filter(Boolean)) {
  const [seat, strategy] = pair.split('=');
  if (!PLAYING_SEATS.includes(seat as PlayingSeat)) fail(`unknown seat "${seat}" in --strategies; seats: ${PLAYING_SEATS.join(', ')}`);
  if (!strategiesFor(seat as PlayingSeat).includes(strategy)) fail(`unknown strategy "${strategy}" for ${seat}; choose from ${strategiesFor(seat as PlayingSeat).join(', ')}`);
  strategies[seat as PlayingSeat] = strategy;
}

function seedsOption(given: string): number[] {
  const [from, to] = given.split('-').map(Number);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) fail(`--seeds must be a range such as 1-100, got "${given}"`);
  return seedRange(from, to - from + 1);
}

if (values.grid) {
  if (values.strategies) fail('--grid plays every personality in every seat; leave out --strategies');
  const seeds = seedsOption(values.seeds ?? '1000-1004');
  console.log(renderGrid(scenario, seeds, playGrid(scenario, seeds[0], seeds.length)));
} else if (values.seeds !== undefined) {
  const seeds = seedsOption(values.seeds);
  console.log(renderSummary(scenario, seeds, strategies, summarise(playMany(scenario, seeds, strategies))));
} else console.log(renderMatch(playMatch(scenario, seed, strategies), { events: values.events! }));
