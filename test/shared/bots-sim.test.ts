import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { applyAction, advancePhase, createMatch, playingSeats, type Match } from '../../shared/engine/index.js';
import { botActions, strategiesFor } from '../../shared/bots/index.js';
import { playMany, seedRange, summarise } from '../../shared/sim/metrics.js';
import { playMatch } from '../../shared/sim/play.js';
import { renderMatch } from '../../shared/sim/table.js';
import { scenario, strip } from './helpers.js';

describe('bots', () => {
  for (const seat of playingSeats(scenario)) {
    // Search at higher levels is the same code with more playouts (and slow): easy stands for all.
    for (const strategy of strategiesFor(seat).filter((s) => !s.startsWith('search') || s === 'search-easy')) {
      it(`${seat}/${strategy} only takes legal actions`, () => {
        for (let seed = 1; seed <= (strategy.startsWith('search') ? 2 : 15); seed++) {
          let m: Match = createMatch(scenario, seed, { [seat]: { controller: 'bot', strategy } });
          let acted = 0;
          while (!m.ended) {
            for (const s of playingSeats(scenario)) {
              for (const a of botActions(m, s)) {
                const r = applyAction(m, s, a);
                if (!r.ok) throw new Error(`${s} (${m.seats[s]?.strategy ?? 'default'}) tried ${JSON.stringify(a)} in ${m.phase}: ${r.reason}`);
                m = r.match;
                if (s === seat) acted++;
                if (m.ended) break;
              }
              if (m.ended) break;
            }
            if (!m.ended) m = advancePhase(m).match;
          }
          if (strategy !== 'passive') expect(acted).toBeGreaterThan(0);
        }
      });
    }
  }

  it('do not disturb the match’s random stream and are deterministic', () => {
    const m = createMatch(scenario, 5);
    const a = botActions(m, 'azerbaijan');
    expect(botActions(m, 'azerbaijan')).toEqual(a);
    expect(m.rng).toBe(createMatch(scenario, 5).rng);
  });
});

describe('simulator', () => {
  it('plays the same game for the same seed and strategies, another for another seed', () => {
    const a = playMatch(scenario, 42, { armenia: 'invest', azerbaijan: 'hawk' });
    const b = playMatch(scenario, 42, { armenia: 'invest', azerbaijan: 'hawk' });
    expect(JSON.stringify(strip(a))).toBe(JSON.stringify(strip(b)));
    const c = playMatch(scenario, 43, { armenia: 'invest', azerbaijan: 'hawk' });
    expect(JSON.stringify(strip(c))).not.toBe(JSON.stringify(strip(a)));
  });

  it('prints one row per round played, the ending and every seat’s score', () => {
    const m = playMatch(scenario, 42, { armenia: 'refuse', azerbaijan: 'hawk' });
    const text = renderMatch(m);
    const rows = text.split('\n').filter((l) => /^\d+\s/.test(l));
    expect(rows).toHaveLength(m.history.length - 1);
    expect(text).toMatch(/Ending: /);
    for (const seat of playingSeats(scenario)) expect(text).toMatch(new RegExp(`Score ${seat}`));
    expect(text).toMatch(/escalates at/);
  });

  it('runs from the command line and refuses bad options with a clear message', () => {
    const out = execFileSync('npx', ['tsx', 'shared/sim/cli.ts', '--scenario', 'august-2022', '--seed', '7', '--strategies', 'armenia=invest,eu=guarantor'], { encoding: 'utf8' });
    expect(out).toMatch(/seed 7/);
    expect(out).toMatch(/armenia=invest/);
    expect(out).toMatch(/eu=guarantor/);
    let err = '';
    try {
      execFileSync('npx', ['tsx', 'shared/sim/cli.ts', '--strategies', 'armenia=teleport'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      err = String((e as { stderr: string }).stderr);
    }
    expect(err).toMatch(/unknown strategy "teleport" for armenia/);
  });

  it('sums up a range of seeds (the figures docs/scenarios.md reports)', () => {
    const out = execFileSync('npx', ['tsx', 'shared/sim/cli.ts', '--scenario', 'workshop-45', '--seeds', '1-4'], { encoding: 'utf8' });
    expect(out).toMatch(/^workshop-45 \| seeds 1-4 \| default bots$/m);
    expect(out).toMatch(/^endings: 4 rounds$/m);
    expect(out).toMatch(/^escalations by Azerbaijan: in \d games; \d+ in all, /m);
    expect(out).toMatch(/^settlements: \d/m);
    const games = playMany(scenario, seedRange(1, 6), { armenia: 'concede' });
    const sum = summarise(games);
    expect(Object.values(sum.endings).reduce((a, b) => a + b, 0)).toBe(6);
    expect(sum.settlements.count).toBe(games.filter((g) => g.settlement).length);
    expect(sum.escalationGames).toBe(games.filter((g) => g.escalations.length).length);
  });
});
