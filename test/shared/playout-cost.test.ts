// What makes a search playout cheap must not change what it computes: the playouts' view, the
// policies' memo, the draft that enters a phase. (bench/decisions.ts checks whole decisions.)
import { describe, expect, it } from 'vitest';
import { quickView } from '../../shared/bots/quickView.js';
import { once } from '../../shared/bots/pressure.js';
import type { BotContext } from '../../shared/bots/types.js';
import { cloneMatch, draftMatch, finishDraft, shareUnchanged } from '../../shared/engine/draft.js';
import { advancePhase, createMatch, playingSeats, viewFor, type Match } from '../../shared/engine/index.js';
import { enterNextPhase } from '../../shared/engine/phases.js';
import { demandBlocks, demandsLeft } from '../../shared/engine/queries.js';
import { stepBots } from '../../shared/sim/play.js';
import { scenario } from './helpers.js';

/** Every match a bot game passes through, each after the bots' turns in its phase. */
function positions(seed: number): Match[] {
  const seats = playingSeats(scenario);
  const out: Match[] = [];
  let m = createMatch(scenario, seed);
  while (!m.ended) {
    m = stepBots(m, seats);
    out.push(m);
    m = advancePhase(m).match;
  }
  return out;
}
const games = [3, 8].map(positions);
const KEYS = Object.keys(games[0][0]) as (keyof Match)[];

describe('quickView', () => {
  it('shows every field the policies read as viewFor shows it', () => {
    for (const m of games.flat().filter((_, i) => i % 5 === 0)) {
      for (const seat of playingSeats(scenario)) {
        const quick = quickView(m, seat);
        const full = viewFor(m, seat);
        for (const k of ['round', 'phase', 'escalation', 'stability', 'appetite', 'regions', 'proposals', 'instruments', 'modifiers', 'embargoes', 'mediators', 'done', 'settlement', 'parties', 'balance', 'events'] as const) {
          expect(quick[k], `${k} for ${seat}, round ${m.round} ${m.phase}`).toEqual(full[k]);
        }
        // Made once, on first read.
        expect(quick.parties).toBe(quick.parties);
        expect(quick.balance).toBe(quick.balance);
      }
    }
  });
});

describe('demandsLeft', () => {
  it('is every catalogue demand of the party that nothing but too many open demands blocks', () => {
    const leftByBlocks = (t: Pick<Match, 'demands'>, party: 'armenia' | 'azerbaijan') =>
      scenario.demands.filter((d) => d.from === party && demandBlocks(t, scenario, party, d).every((b) => b === 'too_many_open'));
    for (const m of games.flat()) for (const party of ['armenia', 'azerbaijan'] as const) expect(demandsLeft(m, scenario, party)).toEqual(leftByBlocks(m, party));
    // A table where Baku has as many demands open as it may, one of them from the catalogue.
    const def = scenario.demands.find((d) => d.from === 'azerbaijan')!;
    const open = { from: 'azerbaijan', to: 'armenia', status: 'open', def: null } as unknown as Match['demands'][number];
    const full = { demands: [{ ...open, def: def.id }, ...Array.from({ length: scenario.demandRules.maxOpen }, () => open)] };
    const left = demandsLeft(full, scenario, 'azerbaijan');
    expect(left).toEqual(leftByBlocks(full, 'azerbaijan'));
    expect(left.length).toBeGreaterThan(0);
    expect(left).not.toContain(def);
  });
});

describe('once', () => {
  it('does each piece of work once per context and set of arguments', () => {
    const ctx = { seat: 'azerbaijan' } as BotContext;
    let runs = 0;
    const work = (x: number) => () => (runs++, x);
    expect(once(ctx, ['pays', 'lachin', 0.45, 0.3, true], work(1))).toBe(1);
    expect(once(ctx, ['pays', 'lachin', 0.45, 0.3, true], work(2))).toBe(1);
    expect(once(ctx, ['pays', 'lachin', 0.45, 0.3, undefined], work(3))).toBe(3);
    expect(once(ctx, ['pays', 'lachin', 0.45, 0.4, true], work(4))).toBe(4);
    expect(once(ctx, ['pays', 'shusha', 0.45, 0.3, true], work(5))).toBe(5);
    expect(once(ctx, ['issuable'], work(6))).toBe(6);
    expect(once(ctx, ['issuable'], work(7))).toBe(6);
    expect(runs).toBe(5);
    // Another decision starts afresh.
    expect(once({ seat: 'azerbaijan' } as BotContext, ['issuable'], work(8))).toBe(8);
  });
});

describe('drafts', () => {
  it('advancePhase makes the match the whole copy made, sharing the same fields with the match before', () => {
    for (const m of games.flat().filter((x) => !x.ended)) {
      const d = cloneMatch(m);
      d.log.push({ kind: 'advance' });
      enterNextPhase(d);
      const reference = shareUnchanged(m, d);
      const next = advancePhase(m).match;
      expect(next).toEqual(reference);
      for (const k of KEYS) expect(next[k] === m[k], `${k} entering the phase after ${m.phase}`).toBe(reference[k] === m[k]);
    }
  });

  it('a draft nothing touched finishes as the same data in the same objects', () => {
    for (const m of games[0]) {
      const same = finishDraft(draftMatch(m));
      expect(Object.keys(same)).toEqual(KEYS);
      for (const k of KEYS) expect(same[k]).toBe(m[k]);
    }
  });
});
