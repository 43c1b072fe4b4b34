// The moves the search bot weighs besides its personalities' own (shared/bots/candidates.ts).
import { describe, expect, it } from 'vitest';
import { viewFor } from '../../shared/engine/index.js';
import { freshPackages, instrumentsNow, packagesToTable } from '../../shared/bots/candidates.js';
import { act, newMatch, scenario, toPhase } from './helpers.js';

const kindOf = (id: string) => scenario.instruments.find((i) => i.id === id)!.kind;

describe('search candidates', () => {
  it('a mediator weighs one instrument of each kind: of two summits, the one that adds most to a deal', () => {
    const m = toPhase(newMatch(1), 'negotiation', 1);
    for (const seat of ['eu', 'russia'] as const) {
      const uses = instrumentsNow(scenario, viewFor(m, seat), seat);
      const kinds = uses.map((u) => kindOf(u.instrument));
      expect(new Set(kinds).size).toBe(kinds.length);
      expect(kinds).toContain('summit');
      // Each kind's pick is an instrument of this mediator with the largest durability bonus of its kind.
      for (const u of uses) {
        const mine = scenario.instruments.filter((i) => i.kind === kindOf(u.instrument) && i.by.includes(seat));
        expect(scenario.instruments.find((i) => i.id === u.instrument)!.durabilityBonus).toBe(Math.max(...mine.map((i) => i.durabilityBonus)));
      }
    }
    // The EU's two summits: Prague adds more to a deal than Brussels.
    expect(instrumentsNow(scenario, viewFor(m, 'eu'), 'eu').map((u) => u.instrument)).toContain('summit-prague');
    expect(instrumentsNow(scenario, viewFor(m, 'eu'), 'eu').filter((u) => kindOf(u.instrument) === 'summit')).toEqual([{ type: 'useInstrument', instrument: 'summit-prague' }]);
  });

  it('a mediator whose own package lay a round without both signatures weighs fresh ones beside it, not the same again, and none in the round it tabled one', () => {
    let m = toPhase(newMatch(1), 'negotiation', 1);
    const first = packagesToTable(scenario, viewFor(m, 'eu'), 'eu', 4)[0];
    m = act(m, 'eu', { type: 'propose', clauses: first });
    expect(freshPackages(scenario, viewFor(m, 'eu'), 'eu', 4)).toEqual([]);
    m = toPhase(m, 'negotiation', 2);
    expect(m.proposals.filter((p) => p.by === 'eu' && p.status === 'open')).toHaveLength(1);
    const fresh = freshPackages(scenario, viewFor(m, 'eu'), 'eu', 4);
    expect(fresh.length).toBeGreaterThan(0);
    const key = (c: readonly string[]) => [...c].sort().join(',');
    for (const f of fresh) {
      expect(f.type).toBe('propose');
      expect(key(f.clauses)).not.toBe(key(first));
    }
    // With nothing of its own on the table, every package it would table is fresh.
    const none = toPhase(newMatch(1), 'negotiation', 2);
    expect(freshPackages(scenario, viewFor(none, 'eu'), 'eu', 4).map((f) => f.clauses)).toEqual(packagesToTable(scenario, viewFor(none, 'eu'), 'eu', 4));
  });

  it('a mediator weighs no instrument of its own choosing in a round it has already put one to work, and does again the next round', () => {
    let m = toPhase(newMatch(1), 'planning', 1);
    m = act(m, 'russia', { type: 'useInstrument', instrument: 'peacekeeper-extension' });
    m = toPhase(m, 'negotiation', 1);
    expect(instrumentsNow(scenario, viewFor(m, 'russia'), 'russia')).toEqual([]);
    // The other mediator's instruments are no spend of its own.
    expect(instrumentsNow(scenario, viewFor(m, 'eu'), 'eu').length).toBeGreaterThan(0);
    m = toPhase(m, 'negotiation', 2);
    const uses = instrumentsNow(scenario, viewFor(m, 'russia'), 'russia').map((u) => u.instrument);
    expect(uses.length).toBeGreaterThan(0);
    expect(uses).not.toContain('peacekeeper-extension');
  });
});
