// Real matches and views from the engine, for store and component tests.
import { advancePhase, applyAction, createMatch, viewFor, type Match } from '../../shared/engine/index.js';
import { loadScenario } from '../../shared/scenario/files.js';
import type { Seat } from '../../shared/engine/types.js';
import type { Phase } from '../../shared/scenario/schema.js';

export const scenario = loadScenario('august-2022');

export function matchAt(phase: Phase, seed = 7): Match {
  let m = createMatch(scenario, seed, { armenia: { controller: 'human' }, azerbaijan: { controller: 'human' }, eu: { controller: 'human' } });
  while (m.phase !== phase) m = advancePhase(m).match;
  return m;
}

export function act(m: Match, seat: Seat, action: unknown): Match {
  const r = applyAction(m, seat, action);
  if (!r.ok) throw new Error(`${r.code}: ${r.reason}`);
  return r.match;
}

/** Negotiation phase with an open Azerbaijani demand to Armenia. */
export function withDemand(seed = 7): Match {
  const m = matchAt('demands', seed);
  const def = scenario.demands.find((d) => d.from === 'azerbaijan')!;
  return act(m, 'azerbaijan', { type: 'issueDemand', demand: def.id, deadline: 0 });
}

export { viewFor };
