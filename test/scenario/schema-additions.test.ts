// Fields added to the format after the base scenario: losses of strength in effects, a last
// round for events, unique source and objective ids, checked source dates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '../../shared/scenario/files.js';
import { parseScenario } from '../../shared/scenario/parse.js';
import { applyEffects } from '../../shared/engine/effects.js';
import { newMatch } from '../shared/helpers.js';

const raw = (): any => JSON.parse(readFileSync(join(SCENARIO_DIR, 'august-2022.json'), 'utf8'));
const check = (edit: (s: any) => void) => {
  const s = raw();
  edit(s);
  const r = parseScenario(s);
  return r.ok ? [] : r.errors;
};

describe('effects.strength takes losses as well as gains', () => {
  it('accepts negative deltas and refuses absurd ones', () => {
    expect(check((s) => (s.events[1].effects.strength = { azerbaijan: { drones: -4, airDefence: -2 }, armenia: { ground: 3 } }))).toEqual([]);
    expect(check((s) => (s.events[1].effects.strength = { armenia: { drones: -5000 } }))[0]).toMatch(/^events\.1\.effects\.strength\.armenia\.drones: /);
    expect(check((s) => (s.events[1].effects.strength = { armenia: { tanks: 3 } }))[0]).toMatch(/^events\.1\.effects\.strength\.armenia: .*tanks/);
  });

  it('the engine applies a loss and keeps every component at 0 or above', () => {
    const m = newMatch();
    const before = m.parties.armenia.strength.drones;
    applyEffects(m, { strength: { armenia: { drones: -2, missiles: -10_000 } } });
    expect(m.parties.armenia.strength.drones).toBe(before - 2);
    expect(m.parties.armenia.strength.missiles).toBe(0);
  });
});

describe('events.untilRound', () => {
  it('is optional and, when given, between fromRound and the last round', () => {
    expect(check((s) => (s.events[3].untilRound = 12))).toEqual([]);
    expect(check((s) => Object.assign(s.events[3], { fromRound: 5, untilRound: 4 }))).toEqual(['events.3.untilRound: before fromRound (5)']);
    expect(check((s) => (s.events[3].untilRound = 13))).toEqual(['events.3.untilRound: after the last round (12)']);
    expect(check((s) => (s.events[3].untilRound = 0))[0]).toMatch(/^events\.3\.untilRound: /);
    expect(check((s) => (s.events[3].untilRound = 2.5))[0]).toMatch(/^events\.3\.untilRound: /);
  });
});

describe('unique ids among sources and among each seat’s objectives', () => {
  it('refuses a repeated source id', () => {
    expect(check((s) => (s.sources[2].id = s.sources[0].id))).toEqual([`sources.2.id: duplicate id "${raw().sources[0].id}"`]);
  });

  it('refuses a repeated objective id within a seat, not across seats', () => {
    expect(check((s) => (s.seats.eu.objectives[1].id = s.seats.eu.objectives[0].id))).toEqual([`seats.eu.objectives.1.id: duplicate id "${raw().seats.eu.objectives[0].id}"`]);
    // The base scenario itself uses "no-war" and "prestige" in several seats.
    expect(raw().seats.russia.objectives.some((o: any) => o.id === 'no-war')).toBe(true);
    expect(raw().seats.eu.objectives.some((o: any) => o.id === 'no-war')).toBe(true);
  });
});

describe('source dates', () => {
  it('accepts YYYY, YYYY-MM and YYYY-MM-DD', () => {
    for (const date of ['2022', '2022-08', '2022-08-26', '2024-02-29']) expect(check((s) => (s.sources[0].date = date)), date).toEqual([]);
  });

  it('refuses other forms and days that do not exist, naming the source', () => {
    for (const date of ['August 2022', '22-08', '2022-8', '2022-13', '2022-08-32', '2022/08/26', '2022-08-26T10:00']) {
      expect(check((s) => (s.sources[1].date = date))[0], date).toMatch(/^sources\.1\.date: a date as YYYY, YYYY-MM or YYYY-MM-DD/);
    }
    expect(check((s) => (s.sources[1].date = '2023-02-29'))).toEqual(['sources.1.date: no such day "2023-02-29"']);
  });
});

describe('the rules’ figures, modifiers and roles', () => {
  it('refuses a modifier on an unknown region, a repeated modifier, levels out of order, a missing role', () => {
    expect(check((s) => (s.modifiers[0].regions = ['atlantis']))).toEqual(['modifiers.0.regions: unknown region "atlantis"']);
    expect(check((s) => s.modifiers.push({ ...s.modifiers[0] }))).toEqual([`modifiers.${raw().modifiers.length}.id: duplicate id "${raw().modifiers[0].id}"`]);
    expect(check((s) => (s.escalation.levels = { unprepared: 3, prepared: 2, war: 4 }))).toEqual(['escalation.levels: expected unprepared ≤ prepared ≤ war, got 3, 2, 4']);
    expect(check((s) => Object.assign(s, { startingEscalation: 4, escalation: { ...s.escalation, levels: { unprepared: 2, prepared: 3, war: 3 } } }))).toEqual(['startingEscalation: above the war level (3)']);
    expect(check((s) => delete s.procurement[0].role)[0]).toMatch(/^procurement\.0\.role: /);
    expect(check((s) => (s.appetite.limits = { min: 0.5, max: 0.2 }))[0]).toMatch(/^appetite\.limits: min must not be above max/);
    expect(check((s) => delete s.roundEnd)[0]).toMatch(/^roundEnd: /);
  });
});

