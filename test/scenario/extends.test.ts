// Variants without copies: `extends` and its merge rule (shared/scenario/extend.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeVariant, resolveExtends } from '../../shared/scenario/extend.js';
import { listScenarioIds, loadScenario, SCENARIO_DIR, shippedScenarios } from '../../shared/scenario/files.js';
import { MAX_SCENARIO_BYTES, parseScenarioUpload } from '../../shared/scenario/parse.js';

const rawFile = (id: string): any => JSON.parse(readFileSync(join(SCENARIO_DIR, `${id}.json`), 'utf8'));
/** The JSON without the translations beside each English text (a variant's own texts come in four languages, the base's map in one). */
const englishOnly = (x: unknown): unknown =>
  Array.isArray(x)
    ? x.map(englishOnly)
    : x && typeof x === 'object'
      ? Object.fromEntries(Object.entries(x).filter(([k]) => !('en' in x && ['hy', 'az', 'ru'].includes(k))).map(([k, v]) => [k, englishOnly(v)]))
      : x;

describe('the merge rule', () => {
  it('merges objects key by key; null removes a key; plain values and plain lists replace', () => {
    const base = { a: 1, b: { c: 2, d: 3 }, list: ['x', 'y'], gone: { deep: true } };
    const variant = { b: { d: 4, e: 5 }, list: ['z'], gone: null, f: 'new' };
    expect(mergeVariant(base, variant)).toEqual({ a: 1, b: { c: 2, d: 4, e: 5 }, list: ['z'], f: 'new' });
    expect(base).toEqual({ a: 1, b: { c: 2, d: 3 }, list: ['x', 'y'], gone: { deep: true } });
  });

  it('takes a list of objects with ids as the variant’s list: merged by id, in its order, the rest left out', () => {
    const base = { items: [{ id: 'a', n: 1, t: { en: 'A' } }, { id: 'b', n: 2 }, { id: 'c', n: 3 }] };
    const variant = { items: [{ id: 'c' }, { id: 'new', n: 9 }, { id: 'a', t: { en: 'A2' } }] };
    expect(mergeVariant(base, variant)).toEqual({ items: [{ id: 'c', n: 3 }, { id: 'new', n: 9 }, { id: 'a', n: 1, t: { en: 'A2' } }] });
    expect(mergeVariant(base, { items: [] })).toEqual({ items: [] });
  });

  it('resolves a chain of extends and names what is wrong with it', () => {
    const files: Record<string, unknown> = { base: { id: 'base', rounds: 12, x: 1 }, mid: { extends: 'base', id: 'mid', x: 2 }, loop: { extends: 'loop' } };
    const shipped = (id: string) => files[id];
    expect(resolveExtends({ extends: 'mid', id: 'top', rounds: 4 }, shipped)).toEqual({ ok: true, json: { id: 'top', rounds: 4, x: 2 } });
    expect(resolveExtends({ id: 'plain' }, shipped)).toEqual({ ok: true, json: { id: 'plain' } });
    expect(resolveExtends({ extends: 'nowhere' }, shipped)).toEqual({ ok: false, errors: ['extends: no shipped scenario "nowhere"'] });
    expect(resolveExtends({ extends: 3 }, shipped)).toEqual({ ok: false, errors: ['extends: expected the id of a shipped scenario'] });
    const loop = resolveExtends({ extends: 'loop' }, shipped);
    expect(loop.ok ? [] : loop.errors).toEqual([expect.stringMatching(/^extends: "loop" extends itself/)]);
  });
});

describe('shipped variants', () => {
  const variants = listScenarioIds().filter((id) => id !== 'august-2022');

  it.each(variants)('%s extends the base and holds only what differs', (id) => {
    const raw = rawFile(id);
    expect(raw.extends).toBe('august-2022');
    // No copy of the map, the model or the texts that stay the same.
    expect(raw.regions).toBeUndefined();
    expect(raw.military).toBeUndefined();
    expect(JSON.stringify(englishOnly(raw)).length).toBeLessThan(JSON.stringify(englishOnly(rawFile('august-2022'))).length / 5);
    const s = loadScenario(id);
    expect(s.id).toBe(id);
    expect(s.regions).toEqual(loadScenario('august-2022').regions);
  });

  it('workshop-45 keeps the base texts of what it does not change, and leaves out what it drops', () => {
    const base = loadScenario('august-2022');
    const w = loadScenario('workshop-45');
    expect(w.demands.find((d) => d.id === 'lachin-handover')).toEqual(base.demands.find((d) => d.id === 'lachin-handover'));
    expect(w.demands.find((d) => d.id === 'border-delimitation')!.repeats).toBe(2);
    expect(w.demands.some((d) => d.id === 'cede-heights')).toBe(false);
    expect(w.seats.russia).toBeUndefined();
    expect(w.mediatorStart.russia).toBeUndefined();
  });
});

describe('uploads and checked files may extend a shipped scenario', () => {
  const upload = JSON.stringify({ extends: 'august-2022', id: 'short-course', rounds: 6, title: { en: 'A short course' } });

  it('resolves against the shipped scenarios, then validates the whole', () => {
    const r = parseScenarioUpload(upload, MAX_SCENARIO_BYTES, shippedScenarios());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario).toMatchObject({ id: 'short-course', rounds: 6, title: { en: 'A short course' } });
      expect(r.scenario.demands).toEqual(loadScenario('august-2022').demands);
    }
    // The merged whole is validated: the base's events now fall after the last round.
    const tooShort = parseScenarioUpload(JSON.stringify({ extends: 'august-2022', id: 'x', rounds: 1 }), MAX_SCENARIO_BYTES, shippedScenarios());
    expect(tooShort.ok ? [] : tooShort.errors).toContainEqual(expect.stringMatching(/^events\.\d+\.fromRound: after the last round \(1\)/));
  });

  it('without shipped scenarios to extend, says so', () => {
    expect(parseScenarioUpload(upload)).toEqual({ ok: false, errors: ['extends: no shipped scenario "august-2022"'] });
  });
});
