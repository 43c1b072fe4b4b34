import { describe, expect, it } from 'vitest';
import { applyAction, advancePhase, createMatch, playingSeats, viewFor, type Match } from '../../shared/engine/index.js';
import { botActions } from '../../shared/bots/index.js';
import { determinise } from '../../shared/bots/search.js';
import { botLines } from '../../shared/bots/talk.js';
import { act, newMatch, scenario, strip, toPhase } from './helpers.js';

describe('search bot', () => {
  it('only takes legal actions and decides the same way twice', () => {
    let m: Match = createMatch(scenario, 3, { armenia: { controller: 'bot', strategy: 'search-easy' }, eu: { controller: 'bot', strategy: 'search-easy' } });
    while (!m.ended) {
      for (const s of playingSeats(scenario)) {
        const actions = botActions(m, s);
        if (s === 'armenia') expect(botActions(m, s)).toEqual(actions);
        for (const a of actions) {
          const r = applyAction(m, s, a);
          if (!r.ok) throw new Error(`${s} tried ${JSON.stringify(a)}: ${r.reason}`);
          m = r.match;
          if (m.ended) break;
        }
        if (m.ended) break;
      }
      if (!m.ended) m = advancePhase(m).match;
    }
  });

  it('samples worlds only from what its seat can see', () => {
    // Two matches that differ only in Azerbaijan's hidden forces look the same to Armenia…
    const a = toPhase(newMatch(8), 'planning');
    const b = { ...a, parties: { ...a.parties, azerbaijan: { ...a.parties.azerbaijan, strength: { ...a.parties.azerbaijan.strength, drones: 999 } } } };
    const seq = () => {
      let x = 0.1;
      return () => (x = (x * 9301 + 0.49297) % 1);
    };
    const wa = determinise(viewFor(a, 'armenia'), scenario, 'armenia', seq());
    const wb = determinise(viewFor(b, 'armenia'), scenario, 'armenia', seq());
    expect(JSON.stringify(strip(wb))).toBe(JSON.stringify(strip(wa)));
    // …and the sampled forces lie within Armenia's estimate.
    const intel = a.parties.armenia.intel!;
    const drones = wa.parties.azerbaijan.strength.drones;
    expect(drones).toBeGreaterThanOrEqual(intel.components.drones[0]);
    expect(drones).toBeLessThanOrEqual(intel.components.drones[1]);
    expect(wa.parties.armenia.strength).toEqual(a.parties.armenia.strength);
  });
  // Playing strength: search-strength.test.ts.
});

describe('bot talk', () => {
  it('explains a refusal with the scenario’s own line and keeps a planned escalation quiet', () => {
    let m = act(toPhase(newMatch(), 'demands'), 'azerbaijan', { type: 'issueDemand', demand: 'route-through-syunik', deadline: 0 });
    m = toPhase(m, 'response');
    const id = m.demands[0].id;
    const refuse = botLines(m, 'armenia', [{ type: 'respond', demand: id, answer: 'refuse' }]);
    expect(refuse).toEqual([{ seat: 'armenia', channel: 'public', text: scenario.demands.find((d) => d.id === 'route-through-syunik')!.refusalLine.en }]);
    expect(botLines(m, 'azerbaijan', [{ type: 'chooseEscalation', demand: id, escalate: true }])).toEqual([]);
    expect(botLines(m, 'azerbaijan', [{ type: 'chooseEscalation', demand: id, escalate: false }])[0].text).toMatch(/more time/);
  });

  it('names the clauses of a proposal and the summit it convenes', () => {
    const m = newMatch();
    const lines = botLines(m, 'eu', [
      { type: 'propose', clauses: ['detainees', 'border-commission', 'missing-persons'] },
      { type: 'useInstrument', instrument: 'summit-brussels' },
    ]);
    expect(lines[0].text).toContain(scenario.clauses.find((c) => c.id === 'detainees')!.text.en);
    expect(lines[1].text).toContain('Brussels');
  });
});
