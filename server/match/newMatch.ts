// A new match: its seats checked against the scenario, its row stored under a free join code.
// Casual matches (POST /api/matches) and a class session's rooms and forks are made here.
import { strategiesFor } from '../../shared/bots/index.js';
import { playingSeats, type SeatConfig } from '../../shared/engine/index.js';
import { createMatchBody, type CreatedMatch, type SeatKeys, type Timers } from '../../shared/protocol/index.js';
import type { PlayingSeat, Scenario } from '../../shared/scenario/schema.js';
import { accept, badRequest, issuesOf, refuse, type Result } from '../refusal.js';
import { hashToken, newCode, newMatchId, newToken } from '../store/ids.js';
import type { MatchStore, NewMatch } from '../store/matchStore.js';
import { firstSeatKeys } from './seatKeys.js';

type Choice = { controller: 'human' | 'bot'; strategy?: string };

/** Seat choices checked against the scenario: its seats only, known bot strategies; a seat left out is human. */
export function checkSeats(scenario: Scenario, choice: Partial<Record<PlayingSeat, Choice>>, path: string): Result<SeatConfig, 'bad_request'> {
  const issues: string[] = [];
  const seats: SeatConfig = {};
  const inScenario = playingSeats(scenario);
  for (const [s, c] of Object.entries(choice) as [PlayingSeat, Choice][]) {
    if (!inScenario.includes(s)) issues.push(`${path}.${s}: not a seat in scenario "${scenario.id}" (its seats: ${inScenario.join(', ')})`);
    else if (c.strategy && !strategiesFor(s).includes(c.strategy)) issues.push(`${path}.${s}.strategy: unknown strategy "${c.strategy}"; choose from ${strategiesFor(s).join(', ')}`);
  }
  for (const s of inScenario) seats[s] = choice[s] ?? { controller: 'human' };
  return issues.length ? badRequest(issues) : accept(seats);
}

/**
 * Store a new match's row under a free join code, with a key for each of its seats made from the
 * facilitator token (seatKeys.ts); the keys are in the answer, only their hashes in the store.
 */
export function storeNewMatch(
  store: MatchStore,
  token: string,
  m: Omit<NewMatch, 'id' | 'code' | 'createdAt' | 'tokenHash' | 'seatKeys'>,
): Result<{ matchId: string; code: string; seatKeys: SeatKeys }, 'no_free_code'> {
  const id = newMatchId();
  const { keys, hashes } = firstSeatKeys(token, id, Object.keys(m.seats) as PlayingSeat[]);
  for (let attempt = 0; attempt <= 20; attempt++) {
    const code = newCode();
    if (store.findByCode(code)) continue;
    store.createMatch({ id, code, createdAt: Date.now(), ...m, tokenHash: hashToken(token), seatKeys: hashes });
    return accept({ matchId: id, code, seatKeys: keys });
  }
  return refuse('no_free_code', 'no free join code');
}

/**
 * POST /api/matches: a casual match, with its facilitator token and seat keys (shown once). Seats named for a
 * mediator the scenario does not have are left out.
 */
export function createCasualMatch(
  store: MatchStore,
  scenarios: { ids(): string[]; get(id: string): Scenario },
  body: unknown,
): Result<CreatedMatch, 'bad_request' | 'no_scenario' | 'no_free_code'> {
  const parsed = createMatchBody.safeParse(body);
  if (!parsed.success) return badRequest(issuesOf(parsed.error.issues));
  const b = parsed.data;
  if (!scenarios.ids().includes(b.scenario)) return refuse('no_scenario', `no scenario "${b.scenario}"`);
  const scenario = scenarios.get(b.scenario);
  const chosen: Partial<Record<PlayingSeat, Choice>> = {};
  for (const s of playingSeats(scenario)) if (b.seats[s]) chosen[s] = b.seats[s];
  const seats = checkSeats(scenario, chosen, 'seats');
  if (!seats.ok) return seats;
  const token = newToken();
  const made = storeNewMatch(store, token, {
    scenario: b.scenario,
    name: b.name,
    seed: b.seed ?? Math.floor(Math.random() * 2 ** 32),
    seats: seats.value,
    timers: { ...scenario.timers, ...b.timers } as Timers,
    listed: b.listed,
    open: b.open,
  });
  return made.ok ? accept({ ...made.value, facilitatorToken: token }) : made;
}
