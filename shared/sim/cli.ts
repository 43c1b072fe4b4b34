// npm run simulate -- --scenario august-2022 --seed 42 --strategies armenia=invest,azerbaijan=hawk
//   plays one match with bots in every seat and prints it round by round;
// npm run simulate -- --scenario august-2022 --seeds 1-100 [--strategies …]
//   plays one match per seed and prints what they come to (the figures in docs/scenarios.md).
import { parseArgs } from 'node:util';
import { PLAYING_SEATS, type PlayingSeat } from '../scenario/schema.js';
import { loadScenario, listScenarioIds } from '../scenario/files.js';
import { strategiesFor } from '../bots/index.js';
import { playMany, seedRange, summarise } from './metrics.js';
import { playMatch, type Strategies } from './play.js';
import { renderMatch, renderSummary } from './table.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'august-2022' },
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string' },
    strategies: { type: 'string', default: '' },
    backing: { type: 'string' },
    events: { type: 'boolean', default: false },
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

if (values.seeds !== undefined) {
  const [from, to] = values.seeds.split('-').map(Number);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) fail(`--seeds must be a range such as 1-100, got "${values.seeds}"`);
  const seeds = seedRange(from, to - from + 1);
  console.log(renderSummary(scenario, seeds, strategies, summarise(playMany(scenario, seeds, strategies))));
} else console.log(renderMatch(playMatch(scenario, seed, strategies), { events: values.events! }));
