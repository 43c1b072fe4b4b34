// parseScenarioUpload: what the server runs on a facilitator's uploaded file, without HTTP or disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '../../shared/scenario/files.js';
import { MAX_SCENARIO_BYTES, parseScenarioUpload } from '../../shared/scenario/parse.js';

const text = readFileSync(join(SCENARIO_DIR, 'august-2022.json'), 'utf8');
const errorsOf = (t: string, max?: number) => {
  const r = parseScenarioUpload(t, max);
  if (r.ok) throw new Error('accepted');
  return r.errors;
};

describe('parseScenarioUpload', () => {
  it('accepts the base scenario and returns it parsed, with defaults filled', () => {
    const r = parseScenarioUpload(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.id).toBe('august-2022');
      expect(r.scenario.events.every((e) => e.fromRound >= 1 && Array.isArray(e.private))).toBe(true);
    }
  });

  it('ignores a byte-order mark', () => {
    expect(parseScenarioUpload('\uFEFF' + text).ok).toBe(true);
  });

  it('reports text that is not JSON as one error line', () => {
    const e = errorsOf('{ "id": "x", }');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^\(file\): not valid JSON: /);
    expect(errorsOf('')).toEqual(['(file): empty; expected a scenario as JSON']);
    expect(errorsOf('  \n')).toEqual(['(file): empty; expected a scenario as JSON']);
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(MAX_SCENARIO_BYTES).toBe(2 * 1024 * 1024);
    const big = JSON.stringify({ padding: 'x'.repeat(MAX_SCENARIO_BYTES) });
    expect(errorsOf(big)).toEqual([expect.stringMatching(/^\(file\): too large: at least 2\.0 MB; the limit is 2\.0 MB$/)]);
    expect(errorsOf(text, 1000)[0]).toMatch(/^\(file\): too large: at least \d+\.\d kB; the limit is 1000 bytes$/);
  });

  it('counts the limit in UTF-8 bytes, not characters', () => {
    const armenian = JSON.stringify({ t: 'Հայաստան'.repeat(15) }); // 2 bytes a letter: about 250 bytes
    expect(armenian.length).toBeLessThan(200);
    expect(errorsOf(armenian, 200)[0]).toMatch(/^\(file\): too large: \d+ bytes; the limit is 200 bytes$/);
  });

  it('passes valid JSON on to the scenario checks, errors naming the field', () => {
    const s = JSON.parse(text);
    s.parties.azerbaijan.budget = -1;
    expect(errorsOf(JSON.stringify(s))).toEqual([expect.stringMatching(/^parties\.azerbaijan\.budget: /)]);
    expect(errorsOf('[1, 2]')[0]).toMatch(/^\(root\): /);
    expect(errorsOf('null')[0]).toMatch(/^\(root\): /);
  });
});
