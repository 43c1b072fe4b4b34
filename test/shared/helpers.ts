import { expect } from 'vitest';
import { loadScenario } from '../../shared/scenario/files.js';
import { advancePhase, applyAction, createMatch, type Match, type Seat, type SeatConfig } from '../../shared/engine/index.js';
import type { Phase } from '../../shared/scenario/schema.js';

export const scenario = loadScenario('august-2022');

/** Every seat human, so nothing moves unless a test moves it. */
export const allHuman: SeatConfig = { armenia: { controller: 'human' }, azerbaijan: { controller: 'human' }, russia: { controller: 'human' }, eu: { controller: 'human' } };

export const newMatch = (seed = 1, s = scenario) => createMatch(s, seed, allHuman);

/** Advance until the match is in `phase` of `round` (default: the current round, or the next if already past). */
export function toPhase(m: Match, phase: Phase, round?: number): Match {
  for (let guard = 0; guard < 200; guard++) {
    if (m.phase === phase && (round === undefined || m.round === round)) return m;
    if (m.ended) break;
    m = advancePhase(m).match;
  }
  throw new Error(`never reached ${phase}${round ? ` of round ${round}` : ''}`);
}

/** Apply an action that must be accepted. */
export function act(m: Match, seat: Seat, action: unknown): Match {
  const r = applyAction(m, seat, action);
  if (!r.ok) throw new Error(`refused ${JSON.stringify(action)}: ${r.code} ${r.reason}`);
  return r.match;
}

/** Apply an action that must be refused with `code`; the match must not change. */
export function refused(m: Match, seat: Seat, action: unknown, code: string) {
  const before = JSON.stringify(strip(m));
  const r = applyAction(m, seat, action);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.code).toBe(code);
    expect(r.reason.length).toBeGreaterThan(5);
  }
  expect(JSON.stringify(strip(m))).toBe(before);
  return r;
}

/** The match without its (shared, immutable) scenario, for comparisons. */
export const strip = (m: Match) => ({ ...m, scenario: m.scenario.id });

export const noPlan = { type: 'plan', procure: [], reform: 0, diplomacy: 0, prepareEscalation: null } as const;
