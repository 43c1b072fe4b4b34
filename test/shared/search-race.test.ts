// The search's race between moves (shared/bots/search.ts): after each batch of sampled worlds,
// which moves are worth more worlds.
import { describe, expect, it } from 'vitest';
import { stillInRace } from '../../shared/bots/search.js';

describe('search race', () => {
  it('keeps the personality’s move and the better half of the moves that have done better than it so far', () => {
    // Move 0 is the personality's own; 1 and 3 did better, 2 the same, 4 worse.
    const scores = [
      [10, 10],
      [12, 11],
      [10, 10],
      [11, 10.5],
      [9, 9],
    ];
    expect(stillInRace(scores, [0, 1, 2, 3, 4], 2)).toEqual([0, 1, 3]);
    // Of three still in the race, the personality's and the best of those ahead go on.
    expect(stillInRace(scores, [0, 1, 3], 2)).toEqual([0, 1]);
  });

  it('drops a move that has done no better than the personality’s, even when only two are left, and then the personality’s move stands alone', () => {
    expect(stillInRace([[10, 12], [11, 11]], [0, 1], 2)).toEqual([0]);
    expect(stillInRace([[10, 12], [12, 10], [8, 13]], [0, 1, 2], 2)).toEqual([0]);
    // Only the worlds played so far count.
    expect(stillInRace([[10, 0], [11, 99]], [0, 1], 1)).toEqual([0, 1]);
  });
});
