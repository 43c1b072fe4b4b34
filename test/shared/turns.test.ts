// The one bot-turn loop (shared/bots/turns.ts) and the one replay loop (shared/engine/replay.ts).
import { describe, expect, it } from 'vitest';
import { botActions } from '../../shared/bots/index.js';
import { actsIn, botTurns, playOn, playTurns, type BotTurn } from '../../shared/bots/turns.js';
import { createMatch, replay, replayLog, type Action, type ReplayStep } from '../../shared/engine/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { playMatch } from '../../shared/sim/play.js';
import { newMatch, scenario, toPhase } from './helpers.js';

const SEATS: PlayingSeat[] = ['armenia', 'azerbaijan', 'russia', 'eu'];

describe('botTurns', () => {
  it('yields each seat that acts in the phase, in seat order, twice; applies what the rules accept; says what was taken', () => {
    const m = toPhase(newMatch(4), 'negotiation');
    const moved: { seat: PlayingSeat; taken: readonly Action[]; before: number }[] = [];
    const turns = botTurns(m, SEATS, (before, seat, taken) => moved.push({ seat, taken, before: before.log.length }));
    const seen: BotTurn[] = [];
    let step = turns.next();
    while (!step.done) {
      seen.push(step.value);
      // Armenia tries something illegal once, then proposes; the others pass.
      const answer: Action[] = step.value.seat === 'armenia' && step.value.pass === 0 ? [{ type: 'sign', proposal: 'p404' }, { type: 'propose', clauses: ['detainees', 'missing-persons', 'border-commission'] }] : [];
      step = turns.next(answer);
    }
    expect(seen.map((t) => `${t.pass}:${t.seat}`)).toEqual(['0:armenia', '0:azerbaijan', '0:russia', '0:eu', '1:armenia', '1:azerbaijan', '1:russia', '1:eu']);
    expect(seen[1].match.proposals).toHaveLength(1); // the next seat decides on the match after Armenia's move
    expect(step.value.proposals).toHaveLength(1);
    expect(moved[0]).toEqual({ seat: 'armenia', taken: [{ type: 'propose', clauses: ['detainees', 'missing-persons', 'border-commission'] }], before: m.log.length });
    // In a phase where mediators have nothing to decide they are passed over.
    const response = toPhase(newMatch(4), 'response');
    const inResponse = [...(function* () {
      const g = botTurns(response, SEATS);
      for (let s = g.next(); !s.done; s = g.next([])) yield s.value.seat;
    })()];
    expect(inResponse).toEqual(['armenia', 'azerbaijan', 'armenia', 'azerbaijan']);
    expect(SEATS.filter((s) => actsIn(s, 'response'))).toEqual(['armenia', 'azerbaijan']);
  });

  it('stops as soon as the match ends', () => {
    const m = toPhase(newMatch(4), 'planning');
    const end = playTurns(m, SEATS, (_m, seat) => (seat === 'armenia' ? [{ type: 'capitulate' }, { type: 'done' }] : [{ type: 'done' }]));
    expect(end.ended).toEqual({ kind: 'capitulation', round: 1, party: 'armenia' });
    expect(end.log.map((e) => (e.kind === 'action' ? e.action.type : e.kind))).toEqual([...m.log.map((e) => (e.kind === 'action' ? e.action.type : e.kind)), 'capitulate']);
  });

  it('playOn plays phases to the end or to a last round, a seat sitting out the first phase', () => {
    const m = toPhase(newMatch(6), 'planning');
    const decided: string[] = [];
    const two = playOn(m, SEATS, (x, seat) => {
      decided.push(`${x.round}:${x.phase}:${seat}`);
      return botActions(x, seat);
    }, { lastRound: 2, sitOut: 'armenia' });
    expect(two.round).toBe(3);
    expect(decided).not.toContain('1:planning:armenia');
    expect(decided).toContain('1:demands:armenia');
    expect(decided).toContain('2:planning:armenia');
    // To the end: the simulator's whole game.
    expect(playMatch(scenario, 6).ended).not.toBeNull();
  });
});

describe('replayLog', () => {
  const played = playMatch(scenario, 8);

  it('rebuilds the match, showing each step with the match before and after and the events it made', () => {
    const steps: ReplayStep[] = [];
    const again = replayLog(createMatch(scenario, 8, played.seats), played.log, (s) => void steps.push(s));
    expect(steps).toHaveLength(played.log.length);
    for (const [i, s] of steps.entries()) {
      expect(s.index).toBe(i);
      if (i > 0) expect(s.before).toBe(steps[i - 1].after);
      expect(s.events).toEqual(s.after.events.slice(s.before.events.length));
    }
    expect(again.events).toEqual(played.events);
    expect(replay(scenario, 8, played.seats, played.log).log).toEqual(played.log);
  });

  it('stops where the step says, and names an entry the rules refuse', () => {
    const firstReport = replayLog(createMatch(scenario, 8, played.seats), played.log, ({ after }) => after.phase !== 'report');
    expect(firstReport).toMatchObject({ round: 1, phase: 'report' });
    const bad = [...played.log.slice(0, 3), { kind: 'action' as const, seat: 'armenia' as const, action: { type: 'sign' as const, proposal: 'p404' } }];
    expect(() => replayLog(createMatch(scenario, 8, played.seats), bad)).toThrow(/^log entry 3 \(sign by armenia\) was refused on replay: /);
  });
});
