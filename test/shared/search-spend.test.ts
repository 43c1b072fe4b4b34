// How the search scores a mediator's spend of prestige (shared/bots/search.ts): a spend beyond its
// personality's, out of the reserve its prestige objective needs, is counted once more against the
// prestige it ends with.
import { describe, expect, it } from 'vitest';
import { playingSeats } from '../../shared/engine/index.js';
import { playout, prestigeSpent, recurringSpend } from '../../shared/bots/search.js';
import { playOn } from '../../shared/bots/turns.js';
import { newMatch, scenario, toPhase } from './helpers.js';

const idle = () => [];

describe('search spend', () => {
  it('counts the instruments’ prestige in a move', () => {
    expect(prestigeSpent(scenario, [{ type: 'useInstrument', instrument: 'summit-moscow' }, { type: 'useInstrument', instrument: 'guarantee-package' }, { type: 'propose', clauses: ['mutual-recognition'] }])).toBe(15);
    expect(prestigeSpent(scenario, [])).toBe(0);
  });

  it('charges a spend beyond the personality’s once more only when it takes the prestige below its objective’s bar', () => {
    const m = toPhase(newMatch(1), 'negotiation', 1);
    const summit = { type: 'useInstrument' as const, instrument: 'summit-moscow' };
    const guarantees = { type: 'useInstrument' as const, instrument: 'guarantee-package' };
    // Russia starts at its bar (50): every spend beyond the personality's is out of the reserve.
    expect(m.mediators.russia!.prestige).toBe(50);
    expect(recurringSpend(m, 'russia', [guarantees], [summit])).toBe(5);
    expect(recurringSpend(m, 'russia', [summit], [summit])).toBe(0);
    expect(recurringSpend(m, 'russia', [], [summit])).toBe(0);
    // With a surplus the spend leaves, none; with one it eats into, the whole extra.
    const rich = { ...m, mediators: { ...m.mediators, russia: { prestige: 65 } } };
    expect(recurringSpend(rich, 'russia', [guarantees], [summit])).toBe(0);
    const some = { ...m, mediators: { ...m.mediators, russia: { prestige: 58 } } };
    expect(recurringSpend(some, 'russia', [guarantees], [summit])).toBe(5);
    // A party spends no prestige.
    expect(recurringSpend(m, 'armenia', [], [])).toBe(0);
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
