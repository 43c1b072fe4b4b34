// How the search scores a mediator's spend of prestige (shared/bots/search.ts): a spend beyond its
// personality's is counted once more against the prestige it ends with.
import { describe, expect, it } from 'vitest';
import { playingSeats } from '../../shared/engine/index.js';
import { playout, prestigeSpent } from '../../shared/bots/search.js';
import { playOn } from '../../shared/bots/turns.js';
import { newMatch, scenario, toPhase } from './helpers.js';

const idle = () => [];

describe('search spend', () => {
  it('counts the instruments’ prestige in a move', () => {
    expect(prestigeSpent(scenario, [{ type: 'useInstrument', instrument: 'summit-moscow' }, { type: 'useInstrument', instrument: 'guarantee-package' }, { type: 'propose', clauses: ['mutual-recognition'] }])).toBe(15);
    expect(prestigeSpent(scenario, [])).toBe(0);
  });

  it('scores a playout with the recurring spend taken off the mediator’s prestige at the end: the prestige objective is lost once it takes prestige below the bar', () => {
    const m = toPhase(newMatch(1), 'negotiation', 1);
    const free = playout(m, 'russia', [], idle, () => 'passive', 99);
    // Every seat idle: the prestige it ends with is the rules' own drift.
    const end = playOn(m, playingSeats(scenario), idle, { sitOut: 'russia' }).mediators.russia!.prestige;
    expect(end).toBeGreaterThanOrEqual(50);
    const objective = scenario.seats.russia!.objectives!.find((o) => o.id === 'prestige')!;
    // A recurring spend that leaves it at the bar costs nothing; one that takes it below, the objective.
    expect(playout(m, 'russia', [], idle, () => 'passive', 99, end - 50)).toBe(free);
    expect(playout(m, 'russia', [], idle, () => 'passive', 99, end - 49)).toBe(free - objective.points);
    // A party has no prestige to spend: the same score.
    const arm = playout(m, 'armenia', [], idle, () => 'passive', 99);
    expect(playout(m, 'armenia', [], idle, () => 'passive', 99, 30)).toBe(arm);
  });
});
