import { describe, expect, it } from 'vitest';
import { seatScores, lastingPeace, viewFor, objectiveMet } from '../../shared/engine/index.js';
import { ratioWithinPublicBand } from '../../shared/engine/view.js';
import { describeEvent } from '../../shared/i18n/index.js';
import { createTexts } from '../../shared/i18n/texts.js';
import { playMatch } from '../../shared/sim/play.js';
import { act, newMatch, scenario, toPhase } from './helpers.js';

describe('viewFor', () => {
  it('shows a party its own figures and the other side as an estimate range', () => {
    const noReveal = { ...scenario, events: scenario.events.map((e) => ({ ...e, effects: { ...e.effects, reveal: undefined } })) };
    const m = toPhase(newMatch(3, noReveal), 'planning');
    const v = viewFor(m, 'armenia');
    expect(v.parties.armenia).toHaveProperty('strength');
    expect(v.parties.azerbaijan).not.toHaveProperty('strength');
    const intel = (v.parties.armenia as { intel: { effective: [number, number] } }).intel;
    expect(intel.effective[0]).toBeLessThan(intel.effective[1]);
    expect(v.balance.low).toBeLessThan(v.balance.high);
    expect(v.balance.exact).toBe(false);
    expect(v.open).toBe(false);
  });
  it('reveals the true figures while a party is revealed', () => {
    let m = act(newMatch(3), 'facilitator', { type: 'injectEvent', custom: { headline: { en: 'Parade' }, text: { en: 'x' }, effects: { reveal: 'azerbaijan' } } });
    m = toPhase(m, 'news', 2);
    const intel = m.parties.armenia.intel!;
    expect(intel.effective[0]).toBe(intel.effective[1]);
  });
  it('gives mediators a public band that holds the truth without its ends giving it away', () => {
    const shares = new Set<number>();
    for (let seed = 1; seed <= 20; seed++) {
      for (const round of [1, 2, 3]) {
        const m = toPhase(newMatch(seed), 'planning', round);
        const truth = viewFor(m, 'facilitator').balance.low;
        for (const seat of ['russia', 'eu', 'spectator'] as const) {
          const b = viewFor(m, seat).balance;
          expect(b.exact).toBe(false);
          expect(b.low).toBeLessThan(truth);
          expect(b.high).toBeGreaterThan(truth);
          expect(b.high / b.low).toBeCloseTo(1.7, 6);
        }
        // Where the truth sits in the band moves from round to round and match to match.
        const b = viewFor(m, 'russia').balance;
        shares.add(Math.round((100 * Math.log(truth / b.low)) / Math.log(b.high / b.low)));
      }
    }
    expect(shares.size).toBeGreaterThan(20);
    // What the rules let anyone infer from the band holds the truth, and is narrower than the band.
    for (let seed = 1; seed <= 20; seed++) {
      const m = toPhase(newMatch(seed), 'planning', 2);
      const truth = viewFor(m, 'facilitator').balance.low;
      const b = viewFor(m, 'eu').balance;
      const [lo, hi] = ratioWithinPublicBand(scenario, b.low);
      expect(lo).toBeLessThanOrEqual(truth * (1 + 1e-9));
      expect(hi).toBeGreaterThanOrEqual(truth * (1 - 1e-9));
      expect(lo).toBeGreaterThan(b.low);
      expect(hi).toBeLessThan(b.high);
    }
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...shares)).toBeLessThanOrEqual(76);
  });
  it('gives the facilitator everything', () => {
    const v = viewFor(newMatch(), 'facilitator');
    expect(v.open).toBe(true);
    expect(v.parties.azerbaijan).toHaveProperty('plan');
    expect(v.balance.exact).toBe(true);
  });
});

describe('scoring', () => {
  it('scores objectives and the shared lasting-peace figure', () => {
    const m = playMatch(scenario, 11, { armenia: 'invest' });
    const scores = seatScores(m);
    expect(scores.map((s) => s.seat)).toEqual(['armenia', 'azerbaijan', 'russia', 'eu']);
    for (const s of scores) {
      expect(s.lastingPeace).toBe(lastingPeace(m));
      const expected = s.objectives.filter((o) => o.met).reduce((a, o) => a + o.points, 0);
      expect(s.objectivePoints).toBe(expected);
      expect(s.total).toBeCloseTo(expected * scenario.scoring.objectiveWeight + s.lastingPeace * scenario.scoring.lastingPeaceWeight);
    }
  });
  it('checks objectives against the match', () => {
    let m = newMatch();
    const keepSyunik = scenario.seats.armenia!.objectives.find((o) => o.id === 'keep-syunik')!;
    expect(objectiveMet(m, keepSyunik)).toBe(true);
    m = act(m, 'facilitator', { type: 'injectEvent', custom: { headline: { en: 'x' }, text: { en: 'x' }, effects: { transfer: [{ region: 'syunik', to: 'azerbaijan' }] } } });
    expect(objectiveMet(m, keepSyunik)).toBe(false);
    const war = act(newMatch(), 'facilitator', { type: 'endMatch' });
    expect(lastingPeace(war)).toBe(war.stability / 2);
  });
});

describe('texts', () => {
  it('every engine event has a sentence in the English locale, with names not ids', () => {
    const t = createTexts();
    const m = playMatch(scenario, 9, { armenia: 'refuse', azerbaijan: 'hawk' });
    const keys = new Set(m.events.map((e) => e.key));
    expect(keys.size).toBeGreaterThan(8);
    for (const e of m.events) {
      const text = describeEvent(t, e, scenario);
      expect(text, e.key).not.toContain('event.');
      expect(text, e.key).not.toContain('{{');
    }
    const esc = m.events.find((e) => e.key === 'escalation.success' || e.key === 'escalation.failure')!;
    expect(describeEvent(t, esc, scenario)).toMatch(/^Azerbaijan escalates in /);
  });
});
