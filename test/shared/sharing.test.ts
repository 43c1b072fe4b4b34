// A new match keeps the previous match's object for every field whose data did not change
// (shared/engine/draft.ts), and a view field is made only from the match fields it declares
// (VIEW_READS in shared/engine/view.ts): together they let a server compare views by reference.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { botActions } from '../../shared/bots/index.js';
import { advancePhase, applyAction, playingSeats, VIEW_FIELDS, VIEW_READS, viewFields, type Match, type Seat } from '../../shared/engine/index.js';
import { act, newMatch, scenario, strip } from './helpers.js';

/** Every step of a bot game on this seed: the match before and after each accepted action and each phase change. */
function steps(seed: number, strategy: Record<string, string> = {}): [Match, Match][] {
  let m = newMatch(seed);
  for (const s of playingSeats(scenario)) m = act(m, 'facilitator', { type: 'setSeat', seat: s, controller: 'bot', ...(strategy[s] ? { strategy: strategy[s] } : {}) });
  const out: [Match, Match][] = [];
  for (let guard = 0; guard < 400 && !m.ended; guard++) {
    for (const seat of playingSeats(scenario)) {
      for (const a of botActions(m, seat)) {
        const r = applyAction(m, seat, a);
        if (r.ok) out.push([m, (m = r.match)]);
      }
    }
    if (!m.ended) out.push([m, (m = advancePhase(m).match)]);
  }
  return out;
}

const games = [...steps(1), ...steps(2, { armenia: 'refuse', azerbaijan: 'hawk' }), ...steps(3, { armenia: 'conciliator', azerbaijan: 'pragmatist' })];

describe('unchanged fields stay the same objects', () => {
  it('after every action and phase change, a field is the previous object exactly when its data is the same', () => {
    expect(games.length).toBeGreaterThan(200);
    for (const [before, after] of games) {
      for (const k of Object.keys(after) as (keyof Match)[]) {
        if (typeof after[k] !== 'object' || after[k] === null) continue;
        expect(after[k] === before[k], `${k} after round ${before.round} ${before.phase}`).toBe(isDeepStrictEqual(after[k], before[k]));
      }
    }
  });

  it('in a list that changed, each item that holds the same data is the previous object (and the list is a new one)', () => {
    let shared = 0;
    for (const [before, after] of games) {
      for (const k of ['proposals', 'demands'] as const) {
        if (after[k] === before[k]) continue;
        for (let i = 0; i < Math.min(before[k].length, after[k].length); i++) {
          expect(after[k][i] === before[k][i], `${k}[${i}] after round ${before.round} ${before.phase}`).toBe(isDeepStrictEqual(after[k][i], before[k][i]));
          if (after[k][i] === before[k][i]) shared++;
        }
      }
    }
    expect(shared).toBeGreaterThan(50);
  });

  it('an accepted action or a phase change leaves the match before it as it was', () => {
    let m = newMatch(4);
    for (const s of playingSeats(scenario)) m = act(m, 'facilitator', { type: 'setSeat', seat: s, controller: 'bot' });
    let checked = 0;
    for (let guard = 0; guard < 400 && !m.ended; guard++) {
      for (const seat of playingSeats(scenario)) {
        for (const a of botActions(m, seat)) {
          const before = JSON.stringify(strip(m));
          const r = applyAction(m, seat, a);
          expect(JSON.stringify(strip(m))).toBe(before);
          if (r.ok) (m = r.match), checked++;
        }
      }
      const before = JSON.stringify(strip(m));
      const next = advancePhase(m).match;
      expect(JSON.stringify(strip(m))).toBe(before);
      m = next;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('a field a rule reads but does not change stays the original object', () => {
    const m = newMatch();
    const next = act(m, 'facilitator', { type: 'injectEvent', custom: { headline: { en: 'Calm' }, text: { en: 'Nothing moves.' }, effects: { tension: { syunik: 0 }, stability: 0 } } });
    expect(next.regions).toBe(m.regions);
    expect(next.events).not.toBe(m.events);
    expect(next.events).toHaveLength(m.events.length + 1);
  });
});

describe('a view field is made only from the match fields it reads', () => {
  it('is the same whenever every field it reads is the same object', () => {
    const seats: Seat[] = [...playingSeats(scenario), 'facilitator', 'spectator'];
    let compared = 0;
    for (const [before, after] of games) {
      for (const k of VIEW_FIELDS) {
        if (!VIEW_READS[k].every((f) => after[f] === before[f])) continue;
        for (const seat of seats) expect(viewFields(after, seat, [k]), `${seat}.${k} after round ${before.round} ${before.phase}`).toEqual(viewFields(before, seat, [k]));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
