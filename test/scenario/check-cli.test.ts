// `npm run scenario:check FILE…`: "ok: FILE" for a good file, the errors naming each field for a
// bad one, exit code 0 when every file is valid and 1 otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const GOOD = 'scenarios/august-2022.json';
const tmp = mkdtempSync(join(tmpdir(), 'parity-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/scenario-check.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** A copy of the base scenario with two mistakes: a meter out of range and an unknown region. */
const bad = join(tmp, 'broken.json');
const s = JSON.parse(readFileSync(join(ROOT, GOOD), 'utf8'));
s.parties.armenia.support = 140;
s.demands[0].pressure = 'zangezur';
writeFileSync(bad, JSON.stringify(s, null, 2));

describe('scenario:check', () => {
  it('prints ok and exits 0 for a good file (through npm run)', () => {
    const r = spawnSync('npm', ['run', '-s', 'scenario:check', GOOD], { cwd: ROOT, encoding: 'utf8' });
    const [ok, languages, ...rest] = r.stdout.trim().split('\n');
    expect(ok).toBe(`ok: ${GOOD}`);
    // Then how much of it each language has.
    expect(languages).toMatch(/^ {2}languages: en 100%, hy \d+%.*, az \d+%.*, ru \d+%/);
    expect(rest).toEqual([]);
    expect(r.status).toBe(0);
  }, 30_000);

  it('lists the errors of a bad file, each naming its field, and exits 1', () => {
    const r = run(bad);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(`invalid: ${bad} (1 error)`);
    // Shape errors come first; the cross-checks (the unknown region) run once the shape is right.
    expect(lines[1]).toMatch(/^ {2}parties\.armenia\.support: /);
    s.parties.armenia.support = 40;
    writeFileSync(bad, JSON.stringify(s, null, 2));
    expect(run(bad).out).toContain('  demands.0.pressure: unknown region "zangezur"');
  }, 30_000);

  it('checks every file given and fails if any is bad', () => {
    const notJson = join(tmp, 'not-json.json');
    writeFileSync(notJson, '{ "id": ');
    const r = run(GOOD, notJson);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`ok: ${GOOD}`);
    expect(r.out).toContain(`invalid: ${notJson} (1 error)\n  (file): not valid JSON: `);
  }, 30_000);

  it('gives each language’s share of the texts; a text missing in a language is counted as read in English', () => {
    const partly = join(tmp, 'partly.json');
    const copy = JSON.parse(readFileSync(join(ROOT, GOOD), 'utf8'));
    const texts = (v: unknown): Record<string, string>[] => (v && typeof v === 'object' ? ('en' in v ? [v as Record<string, string>] : Object.values(v).flatMap(texts)) : []);
    const all = texts(copy);
    for (const t of all) delete t.az;
    all[0].az = 'Güc balansı';
    writeFileSync(partly, JSON.stringify(copy));
    const r = run(partly);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`, az 0% (${all.length - 1} texts in English)`);
  }, 30_000);

  it('notes a file whose name is not its id', () => {
    const renamed = join(tmp, 'renamed.json');
    writeFileSync(renamed, readFileSync(join(ROOT, GOOD)));
    const r = run(renamed);
    expect(r.code).toBe(0);
    expect(r.out).toContain('note: id "august-2022" differs from the file name');
  }, 30_000);

  it('--all checks every shipped scenario; no file is a usage error', () => {
    const all = run('--all');
    expect(all.code).toBe(0);
    for (const id of ['august-2022', 'workshop-45', 'parity-what-if', 'multi-week']) expect(all.out).toContain(`ok: scenarios/${id}.json`);
    const none = run();
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^usage: /);
  }, 30_000);
});
