// The games the claims of the argument are measured on (GAME.md "What the model must show"; a
// scenario's `claims`): Armenia on one path (concede, refuse, invest, or invest under more
// Turkish backing) against every Azerbaijani personality, each under every mix of mediator
// personalities, over the same seeds.
import type { Scenario } from '../scenario/schema.js';
import { personalitiesFor } from '../bots/index.js';
import { gridCells } from './grid.js';
import { figures, withBacking, type GameFigures } from './metrics.js';
import { playMatch, type Strategies } from './play.js';

/** Armenia's paths the claims compare; `investBacked` is invest with Turkish backing raised by BACKING_STEP. */
export const PATHS = ['concede', 'refuse', 'invest', 'investBacked'] as const;
export type Path = (typeof PATHS)[number];

/** How much higher Turkish backing is on the `investBacked` path (the base's 1.15 becomes 1.45). */
export const BACKING_STEP = 0.3;

/** Every mix of mediator personalities the scenario's seats allow. */
export function mediatorMixes(scenario: Scenario): Strategies[] {
  const seen = new Set<string>();
  const out: Strategies[] = [];
  for (const { armenia: _a, azerbaijan: _z, ...mix } of gridCells(scenario)) {
    const key = JSON.stringify(mix);
    if (!seen.has(key) && seen.add(key)) out.push(mix);
  }
  return out;
}

/** Per Azerbaijani personality, the games of each path: every mediator mix, seeds first..first+perMix-1. */
export function claimGames(scenario: Scenario, first: number, perMix: number, paths: readonly Path[] = PATHS): Record<string, Partial<Record<Path, GameFigures[]>>> {
  const backed = withBacking(scenario, scenario.military.turkishBacking + BACKING_STEP);
  const out: Record<string, Partial<Record<Path, GameFigures[]>>> = {};
  for (const azerbaijan of personalitiesFor('azerbaijan')) {
    const byPath: Partial<Record<Path, GameFigures[]>> = {};
    for (const path of paths) {
      const s = path === 'investBacked' ? backed : scenario;
      const armenia = path === 'investBacked' ? 'invest' : path;
      const games: GameFigures[] = [];
      for (const mix of mediatorMixes(scenario)) for (let seed = first; seed < first + perMix; seed++) games.push(figures(playMatch(s, seed, { armenia, azerbaijan, ...mix })));
      byPath[path] = games;
    }
    out[azerbaijan] = byPath;
  }
  return out;
}
