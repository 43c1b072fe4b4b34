// The client's one module that tells engine events apart: its predicates against the engine's own
// keys and counts, so a renamed or new event key shows up here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../shared/sim/play.js';
import eventTexts from '../../shared/locales/en.json';
import { escalationCount, escalationPrevailed, eventClass, isAboutDemand, isDecision, isDelivery, isEscalation, isHeadline, isIntel, isNews, isRoundEnd } from '../../client/ui/events.js';
import { scenario } from './fixtures.js';
import type { EventKey } from '../../shared/engine/types.js';

const KEYS = Object.keys(eventTexts.event) as EventKey[];
const ev = (key: EventKey) => ({ key });

describe('client/ui/events.ts', () => {
  it('names only keys the engine has a text for, and each prefix matches some', () => {
    const source = readFileSync(join(import.meta.dirname, '../../client/ui/events.ts'), 'utf8');
    const named = [...source.matchAll(/'([a-z]+\.[a-zA-Z]*)'/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(10);
    for (const k of named) {
      if (k.endsWith('.')) expect(KEYS.some((x) => x.startsWith(k)), k).toBe(true);
      else expect(KEYS, k).toContain(k);
    }
  });

  it('sorts every engine event key', () => {
    const by = (p: (e: { key: EventKey }) => boolean) => KEYS.filter((k) => p(ev(k)));
    expect(by(isRoundEnd)).toEqual(['round.report']);
    expect(by(isIntel)).toEqual(['intel.estimate', 'intel.mediator']);
    expect(by(isEscalation)).toEqual(['escalation.success', 'escalation.failure']);
    expect(by(escalationPrevailed)).toEqual(['escalation.success']);
    expect(by(isDelivery)).toEqual(['delivery.arrived']);
    expect(by(isAboutDemand)).toEqual(['demand.issued', 'demand.accepted', 'demand.refused', 'demand.countered', 'demand.expired', 'demand.implemented', 'demand.coerced']);
    expect(by(isDecision).sort()).toEqual(['demand.accepted', 'demand.countered', 'demand.expired', 'demand.refused', 'escalation.chosen', 'escalation.stoodDown', 'instrument.used', 'proposal.signed', 'summit.convened']);
    expect(by(isNews)).toHaveLength(KEYS.length - 1);
    expect(by(isHeadline)).toHaveLength(KEYS.length - 3);
    expect(eventClass(ev('escalation.success'))).toBe('news-escalation-success');
  });

  it('counts the escalations the engine counted, and finds its deliveries', () => {
    for (const seed of [3, 21]) {
      const m = playMatch(scenario, seed, { armenia: 'invest', azerbaijan: 'hawk' });
      const attempts = m.stats.escalations.armenia + m.stats.escalations.azerbaijan;
      const won = m.stats.escalationSuccesses.armenia + m.stats.escalationSuccesses.azerbaijan;
      expect(attempts, `seed ${seed}`).toBeGreaterThan(0);
      expect(escalationCount(m.events), `seed ${seed}`).toBe(attempts);
      expect(m.events.filter(escalationPrevailed)).toHaveLength(won);
      const delivered = m.events.filter(isDelivery);
      expect(delivered.length).toBeGreaterThan(0);
      expect(delivered.every((e) => scenario.procurement.some((p) => p.id === e.params.item))).toBe(true);
    }
  });
});
