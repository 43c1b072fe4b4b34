// The event deck honours each card's window: a card is drawn only from fromRound to untilRound.
import { describe, expect, it } from 'vitest';
import { advancePhase } from '../../shared/engine/phases.js';
import type { Match } from '../../shared/engine/types.js';
import { scenarioOrThrow } from '../../shared/scenario/parse.js';
import type { Scenario } from '../../shared/scenario/schema.js';
import { newMatch, scenario } from '../shared/helpers.js';

/** Round of each drawn event in a match played (by nobody) to its last round. */
function drawnRounds(s: Scenario, seed: number): Map<string, number> {
  let m: Match = newMatch(seed, s);
  while (!m.ended) m = advancePhase(m).match;
  return new Map(m.events.filter((e) => e.key === 'event.drawn').map((e) => [e.params.id as string, e.round]));
}

const card = (id: string, weight: number, window: { fromRound?: number; untilRound?: number }) => ({
  id,
  headline: { en: id },
  text: { en: `${id} happens.` },
  weight,
  ...window,
  effects: {},
});

describe('drawEvent and untilRound', () => {
  it('draws each card only inside its window, even when it outweighs the rest', () => {
    const s = scenarioOrThrow({
      ...JSON.parse(JSON.stringify(scenario)),
      openingEvent: undefined,
      events: [card('early', 1000, { untilRound: 1 }), card('second', 1000, { fromRound: 2, untilRound: 2 }), card('late', 1, { fromRound: 3 }), card('any', 1, {})],
    });
    for (let seed = 1; seed <= 10; seed++) {
      const drawn = drawnRounds(s, seed);
      expect(drawn.get('early'), `seed ${seed}`).toBe(1);
      expect(drawn.get('second'), `seed ${seed}`).toBe(2);
      expect(drawn.get('late'), `seed ${seed}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('leaves a card undrawn once its window has passed', () => {
    const s = scenarioOrThrow({
      ...JSON.parse(JSON.stringify(scenario)),
      openingEvent: 'opening',
      events: [card('opening', 1, {}), card('missed', 1, { untilRound: 1 }), card('filler', 1, {})],
    });
    const drawn = drawnRounds(s, 3);
    expect(drawn.get('opening')).toBe(1);
    expect(drawn.has('missed')).toBe(false);
    expect(drawn.get('filler')).toBe(2);
    expect(drawn.size).toBe(2); // nothing left to draw from round 3 on
  });

  it('keeps winter news in winter in the base scenario', () => {
    const winter = scenario.events.filter((e) => e.effects.modifier?.id === 'winter');
    expect(winter.length).toBeGreaterThan(0);
    for (const w of winter) {
      expect(w.untilRound, w.id).toBeDefined();
      for (let seed = 1; seed <= 30; seed++) {
        const r = drawnRounds(scenario, seed).get(w.id);
        if (r !== undefined) expect(r, `seed ${seed}`).toBeLessThanOrEqual(w.untilRound!);
      }
    }
  });
});
