// The search bot's playing strength at the level play-now uses (normal), on a few seeds: it must
// beat its seat's best personality where it does today, on its decision budget. The time cap is
// off, so the games are the same on any machine and under any load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seatScores, type Match } from '../../shared/engine/index.js';
import { botActions, preferredPersonality, SEARCH_LEVELS } from '../../shared/bots/index.js';
import { searchStats } from '../../shared/bots/search.js';
import { playMatch } from '../../shared/sim/play.js';
import { scenario } from './helpers.js';

const cap = SEARCH_LEVELS.normal.timeMs;
beforeAll(() => {
  SEARCH_LEVELS.normal.timeMs = Number.POSITIVE_INFINITY;
});
afterAll(() => {
  SEARCH_LEVELS.normal.timeMs = cap;
});

const score = (m: Match, seat: string) => seatScores(m).find((s) => s.seat === seat)!.total;

describe('search bot strength (normal)', { timeout: 300_000 }, () => {
  it('knows each seat’s best personality in the base scenario', () => {
    // Russia's best is the summiteer now that deals are brokered through the mediators' packages
    // (it was 'passive' while deals went to whichever mediator came first in seat order).
    expect(preferredPersonality(scenario, 'russia')).toBe('summiteer');
    expect(preferredPersonality(scenario, 'azerbaijan')).toBe('opportunist');
  });

  it('as Azerbaijan, beats the opportunist personality (its best) in at least 3 of seeds 1–4, within its decision budget', () => {
    const times: number[] = [];
    const playouts: number[] = [];
    let wins = 0;
    for (const seed of [1, 2, 3, 4]) {
      const m = playMatch(scenario, seed, { azerbaijan: 'search-normal' }, (m, s) => {
        const [t0, p0] = [performance.now(), searchStats.playouts];
        const actions = botActions(m, s);
        if (s === 'azerbaijan' && searchStats.playouts > p0) {
          times.push(performance.now() - t0);
          playouts.push(searchStats.playouts - p0);
        }
        return actions;
      });
      const opportunist = playMatch(scenario, seed, { azerbaijan: 'opportunist' });
      console.log(`[search] azerbaijan seed ${seed}: search-normal ${score(m, 'azerbaijan').toFixed(1)}, opportunist ${score(opportunist, 'azerbaijan').toFixed(1)}`);
      if (score(m, 'azerbaijan') > score(opportunist, 'azerbaijan')) wins++;
    }
    expect(wins).toBeGreaterThanOrEqual(3);
    // A budget of playouts, not a clock: each decision plays at most its budget for every move it weighs.
    expect(Math.max(...playouts)).toBeLessThanOrEqual(SEARCH_LEVELS.normal.playouts * 20);
    const p95 = [...times].sort((a, b) => a - b)[Math.floor(0.95 * times.length)];
    console.log(`[search] azerbaijan decisions: ${times.length}, p95 ${p95.toFixed(0)} ms, playouts up to ${Math.max(...playouts)}`);
    // Generous: the bench holds it to 500 ms; this only catches a search gone runaway.
    expect(p95).toBeLessThan(2000);
  });

  it('as the EU, uses its instruments to open a window for its own package: a settlement under EU auspices in at least 4 of seeds 1–6, where its best personality gets none', () => {
    // Before the mediator weighed its instruments, its package lay signed by Armenia alone on seeds
    // 13, 14 and 29. Since a spend out of its prestige reserve counts again (recurringSpend), those
    // go either way; over seeds 1–80 it reached its own deal this way on 44.
    let deals = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const m = playMatch(scenario, seed, { eu: 'search-normal' });
      const summiteer = playMatch(scenario, seed, { eu: 'summiteer' });
      console.log(`[search] eu seed ${seed}: search-normal ${score(m, 'eu').toFixed(1)} (deal under ${m.settlement?.auspices ?? 'none'}), summiteer ${score(summiteer, 'eu').toFixed(1)} (deal under ${summiteer.settlement?.auspices ?? 'none'})`);
      if (summiteer.settlement?.auspices === 'eu' || m.settlement?.auspices !== 'eu') continue;
      deals++;
      expect(m.instruments.some((x) => x.by === 'eu')).toBe(true);
      expect(score(m, 'eu')).toBeGreaterThan(score(summiteer, 'eu'));
    }
    expect(deals).toBeGreaterThanOrEqual(4);
  });

  it('as the EU, tables a fresh package beside its own that has lain a round without both signatures: a settlement under EU auspices on seeds 5 and 50', () => {
    // Found on seeds 46 and 50, which it did not settle while it weighed packages only with none of
    // its own open; seed 46 goes without a deal since spends out of the prestige reserve count again.
    for (const seed of [5, 50]) {
      const m = playMatch(scenario, seed, { eu: 'search-normal' });
      const deal = m.proposals.find((p) => p.status === 'signed');
      console.log(`[search] eu seed ${seed}: search-normal ${score(m, 'eu').toFixed(1)}, deal under ${m.settlement?.auspices ?? 'none'} (package of round ${deal?.round})`);
      expect(m.settlement?.auspices).toBe('eu');
      expect(deal?.by).toBe('eu');
      // The package signed went on the table while an earlier one of the EU's own lay open: the EU
      // withdrew none (the settlement closes the others).
      expect(m.proposals.some((p) => p.by === 'eu' && p.round < deal!.round)).toBe(true);
      expect(m.log.some((e) => e.kind === 'action' && e.seat === 'eu' && e.action.type === 'withdrawProposal')).toBe(false);
      for (const p of ['summiteer', 'passive']) expect(score(m, 'eu')).toBeGreaterThan(score(playMatch(scenario, seed, { eu: p }), 'eu'));
    }
  });

  it('as Armenia, weighs waiting for a better deal: beats invest and hawk on seeds 3, 13 and 14, and on seed 14 settles once the gap has narrowed', () => {
    // Before it weighed tabling its package some rounds on, a deal now was weighed only against its
    // personality playing on (which makes none later): it settled at once, in round 5 or 6 at a ratio of
    // 2.2–2.6, and lost all three to the hawk and seed 3 to invest too.
    for (const seed of [3, 13, 14]) {
      const m = playMatch(scenario, seed, { armenia: 'search-normal' });
      const rivals = ['invest', 'hawk'].map((p) => score(playMatch(scenario, seed, { armenia: p }), 'armenia'));
      console.log(`[search] armenia seed ${seed}: search-normal ${score(m, 'armenia').toFixed(1)} (settled in round ${m.settlement?.round ?? '-'}), invest ${rivals[0].toFixed(1)}, hawk ${rivals[1].toFixed(1)}`);
      for (const r of rivals) expect(score(m, 'armenia')).toBeGreaterThan(r);
      if (seed !== 14) continue;
      expect(m.settlement!.round).toBeGreaterThanOrEqual(8);
      expect(seatScores(m).find((s) => s.seat === 'armenia')!.objectives.find((o) => o.id === 'narrow-gap')!.met).toBe(true);
    }
  });
});
