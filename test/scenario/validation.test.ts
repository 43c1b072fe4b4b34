// The scenario validator: the base scenario passes, and broken files are refused with errors
// that name the field at fault.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkScenarioFile, listScenarioIds, loadScenario, SCENARIO_DIR } from '../../shared/scenario/files.js';
import { parseScenario, scenarioOrThrow } from '../../shared/scenario/parse.js';

const BASE = join(SCENARIO_DIR, 'august-2022.json');
const raw = (): any => JSON.parse(readFileSync(BASE, 'utf8'));

/** Errors for a copy of the base scenario changed by `edit`; fails the test if it is accepted. */
function errorsAfter(edit: (s: any) => void): string[] {
  const s = raw();
  edit(s);
  const r = parseScenario(s);
  if (r.ok) throw new Error('the edited scenario was accepted');
  return r.errors;
}

const tmp = mkdtempSync(join(tmpdir(), 'parity-scenario-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the base scenario', () => {
  it('is valid', () => {
    const r = checkScenarioFile(BASE);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('is listed and loads by id', () => {
    expect(listScenarioIds()).toContain('august-2022');
    const s = loadScenario('august-2022');
    expect(s.id).toBe('august-2022');
    expect(s.rounds).toBe(12);
  });

  it('fills defaults: events without fromRound start in round 1 and are public', () => {
    const s = loadScenario('august-2022');
    const plain = raw().events.find((e: any) => e.fromRound === undefined && e.private === undefined);
    expect(plain).toBeDefined();
    const parsed = s.events.find((e) => e.id === plain.id)!;
    expect(parsed.fromRound).toBe(1);
    expect(parsed.private).toEqual([]);
  });

  it('has an opening event from its deck', () => {
    const s = loadScenario('august-2022');
    expect(s.openingEvent).toBeDefined();
    expect(s.events.map((e) => e.id)).toContain(s.openingEvent);
  });
});

describe('refused files name the field at fault', () => {
  it('a wrong type', () => {
    const errors = errorsAfter((s) => (s.rounds = 'twelve'));
    expect(errors.some((e) => e.startsWith('rounds:'))).toBe(true);
  });

  it('a wrong type deep inside (a strength component given as text)', () => {
    const errors = errorsAfter((s) => (s.parties.armenia.strength.drones = '5'));
    expect(errors.some((e) => e.startsWith('parties.armenia.strength.drones:'))).toBe(true);
  });

  it('a missing required field', () => {
    const errors = errorsAfter((s) => delete s.geometrySource);
    expect(errors.some((e) => e.startsWith('geometrySource:'))).toBe(true);
  });

  it('a missing seat', () => {
    const errors = errorsAfter((s) => delete s.seats.eu);
    expect(errors).toContain('seats.eu: missing (every party and mediator needs a seat)');
  });

  it('a missing party seat', () => {
    const errors = errorsAfter((s) => delete s.seats.azerbaijan);
    expect(errors.some((e) => e.startsWith('seats.azerbaijan:'))).toBe(true);
  });

  it('a seat for a mediator the scenario does not have', () => {
    const errors = errorsAfter((s) => (s.mediators = ['russia']));
    expect(errors).toContain('seats.eu: this scenario has no such seat');
  });

  it("an unknown region in a demand's pressure", () => {
    const errors = errorsAfter((s) => (s.demands[0].pressure = 'zangezur'));
    expect(errors).toContain('demands.0.pressure: unknown region "zangezur"');
  });

  it('an unknown region in an effect', () => {
    const errors = errorsAfter((s) => (s.events[1].effects.tension = { atlantis: 5 }));
    expect(errors).toContain('events.1.effects: unknown region "atlantis"');
  });

  it('an unknown region in a transfer', () => {
    const errors = errorsAfter((s) => (s.demands[0].onAccept.transfer = [{ region: 'lachin-town', to: 'azerbaijan' }]));
    expect(errors).toContain('demands.0.onAccept: unknown region "lachin-town"');
  });

  it('an unknown supplier in an embargo', () => {
    const errors = errorsAfter((s) => (s.events[0].effects.embargo = { supplier: 'nowhere', rounds: 2 }));
    expect(errors).toContain('events.0.effects.embargo.supplier: unknown supplier "nowhere"');
  });

  it('an unknown modifier', () => {
    const errors = errorsAfter((s) => (s.events[0].effects.modifier = { id: 'monsoon', rounds: 2 }));
    expect(errors.some((e) => e.startsWith('events.0.effects.modifier.id:'))).toBe(true);
  });

  it('a duplicate id', () => {
    const errors = errorsAfter((s) => (s.events[2].id = s.events[1].id));
    expect(errors).toContain(`events.2.id: duplicate id "${raw().events[1].id}"`);
  });

  it('a duplicate region id', () => {
    const errors = errorsAfter((s) => (s.regions[1].id = s.regions[0].id));
    expect(errors).toContain(`regions.1.id: duplicate id "${raw().regions[0].id}"`);
  });

  it('an id that is not lower-case letters, digits and dashes', () => {
    const errors = errorsAfter((s) => (s.events[0].id = 'Winter Passes'));
    expect(errors.some((e) => e.startsWith('events.0.id:') && e.includes('lower-case'))).toBe(true);
  });

  it('an unknown clause in an objective', () => {
    const errors = errorsAfter((s) => {
      const i = s.seats.armenia.objectives.findIndex((o: any) => o.check.metric === 'obtained');
      s.seats.armenia.objectives[i].check.clause = 'eternal-friendship';
    });
    expect(errors.some((e) => /^seats\.armenia\.objectives\.\d+\.check\.clause: unknown clause "eternal-friendship"$/.test(e))).toBe(true);
  });

  it('an unknown region in an objective', () => {
    const errors = errorsAfter((s) => {
      const i = s.seats.russia.objectives.findIndex((o: any) => o.check.metric === 'peacekeepersIn');
      s.seats.russia.objectives[i].check.region = 'moon';
    });
    expect(errors.some((e) => /^seats\.russia\.objectives\.\d+\.check\.region: unknown region "moon"$/.test(e))).toBe(true);
  });

  it('an out-of-range meter', () => {
    const errors = errorsAfter((s) => (s.parties.armenia.support = 120));
    expect(errors.some((e) => e.startsWith('parties.armenia.support:'))).toBe(true);
  });

  it('an out-of-range meter on the map', () => {
    const errors = errorsAfter((s) => (s.regions[0].tension = -1));
    expect(errors.some((e) => e.startsWith('regions.0.tension:'))).toBe(true);
  });

  it('an out-of-range escalation level', () => {
    const errors = errorsAfter((s) => (s.startingEscalation = 5));
    expect(errors.some((e) => e.startsWith('startingEscalation:'))).toBe(true);
  });

  it('an empty English text', () => {
    const errors = errorsAfter((s) => (s.seats.russia.briefing.en = ''));
    expect(errors.some((e) => e.startsWith('seats.russia.briefing.en:'))).toBe(true);
  });

  it('an unknown field', () => {
    const errors = errorsAfter((s) => (s.events[0].colour = 'red'));
    expect(errors.some((e) => e.startsWith('events.0:') && e.includes('colour'))).toBe(true);
  });

  it('an event that starts after the last round', () => {
    const errors = errorsAfter((s) => (s.events[3].fromRound = 13));
    expect(errors).toContain('events.3.fromRound: after the last round (12)');
  });

  it('an opening event that is not in the deck', () => {
    const errors = errorsAfter((s) => (s.openingEvent = 'no-such-event'));
    expect(errors).toContain('openingEvent: unknown event "no-such-event"');
  });

  it('a polygon ring with fewer than three points', () => {
    const errors = errorsAfter((s) => (s.regions[2].polygon[0] = [[45, 40], [45.1, 40.1]]));
    expect(errors.some((e) => e.startsWith('regions.2.polygon.0:'))).toBe(true);
  });

  it('a coordinate off the globe', () => {
    const errors = errorsAfter((s) => (s.regions[2].polygon[0][0] = [200, 40]));
    expect(errors.some((e) => e.startsWith('regions.2.polygon.0.0.0:'))).toBe(true);
  });

  it('lists every problem at once', () => {
    const errors = errorsAfter((s) => {
      s.rounds = 0;
      s.demands[0].pressure = 'nowhere';
      delete s.seats.russia;
    });
    // A shape error stops before the cross-checks; here the shape is at fault first.
    expect(errors.some((e) => e.startsWith('rounds:'))).toBe(true);
    const cross = errorsAfter((s) => {
      s.demands[0].pressure = 'nowhere';
      delete s.seats.russia;
    });
    expect(cross).toEqual(expect.arrayContaining(['demands.0.pressure: unknown region "nowhere"', 'seats.russia: missing (every party and mediator needs a seat)']));
  });

  it('scenarioOrThrow names the file and every error', () => {
    const s = raw();
    s.demands[0].pressure = 'nowhere';
    expect(() => scenarioOrThrow(s, 'broken.json')).toThrow(/broken\.json is invalid:\n {2}demands\.0\.pressure: unknown region "nowhere"/);
  });
});

describe('checkScenarioFile', () => {
  it('refuses a file that is not JSON, naming the file', () => {
    const path = join(tmp, 'bad.json');
    writeFileSync(path, '{ "id": "bad", ');
    const r = checkScenarioFile(path);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(/^\(file\): /);
    }
  });

  it('refuses a file that does not exist', () => {
    const r = checkScenarioFile(join(tmp, 'missing.json'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^\(file\): /);
  });

  it('refuses valid JSON that is not a scenario, at the root', () => {
    const path = join(tmp, 'array.json');
    writeFileSync(path, '[1, 2, 3]');
    const r = checkScenarioFile(path);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.startsWith('(root):'))).toBe(true);
  });

  it('accepts a valid copy and reports an edited one', () => {
    const good = join(tmp, 'good.json');
    writeFileSync(good, JSON.stringify(raw()));
    expect(checkScenarioFile(good).ok).toBe(true);
    const s = raw();
    s.parties.azerbaijan.standing = 101;
    const bad = join(tmp, 'edited.json');
    writeFileSync(bad, JSON.stringify(s));
    const r = checkScenarioFile(bad);
    expect(r.ok ? [] : r.errors).toEqual([expect.stringMatching(/^parties\.azerbaijan\.standing:/)]);
  });
});
