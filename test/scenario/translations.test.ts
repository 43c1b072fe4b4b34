// Every text of the shipped scenarios in Armenian, Azerbaijani and Russian beside the English
// (docs/translating.md, "Scenario texts"), marked for review, with both names of a disputed place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarioIds, loadScenario, SCENARIO_DIR } from '../../shared/scenario/files.js';
import type { Text } from '../../shared/scenario/schema.js';

const LANGUAGES = ['hy', 'az', 'ru'] as const;

/** Every text object in a scenario, with its path. */
function texts(x: unknown, path = ''): [string, Text][] {
  if (Array.isArray(x)) return x.flatMap((v, i) => texts(v, `${path}.${(v as { id?: string })?.id ?? i}`));
  if (!x || typeof x !== 'object') return [];
  if (typeof (x as Text).en === 'string') return [[path, x as Text]];
  return Object.entries(x).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
}

const variables = (t: string) => (t.match(/\{\{[^}]+\}\}/g) ?? []).sort();
const slashes = (t: string) => t.split('/').length - 1;
const SCRIPT: Record<(typeof LANGUAGES)[number], { has: RegExp; not: RegExp }> = {
  hy: { has: /[\u0531-\u0587]/, not: /[а-яё]|:/i }, // Armenian letters; no Cyrillic, no Latin colon (the Armenian uses ։ and .)
  az: { has: /[a-zəğıöüşç]/i, not: /[а-яё\u0531-\u0587]/i },
  ru: { has: /[а-яё]/i, not: /[\u0531-\u0587]/ },
};

describe.each(listScenarioIds())('%s', (id) => {
  // Resolved (a variant's texts and the base's it keeps), and as written: a variant's text merges
  // into the base's language by language, so one written with English only would keep old translations.
  const raw = JSON.parse(readFileSync(join(SCENARIO_DIR, `${id}.json`), 'utf8'));
  const all = [...texts(loadScenario(id)), ...texts(raw).map(([p, t]): [string, Text] => [`(file) ${p}`, t])];

  it('has every text in hy, az and ru, with the English variables, paragraphs and double names', () => {
    expect(all.length).toBeGreaterThan(100);
    for (const [path, t] of all) {
      for (const l of LANGUAGES) {
        const s = t[l];
        expect(s, `${path}.${l}`).toBeTruthy();
        expect(variables(s!), `${path}.${l}`).toEqual(variables(t.en));
        expect(s!.split('\n\n').length, `${path}.${l} paragraphs`).toBe(t.en.split('\n\n').length);
        expect(s, `${path}.${l} script`).toMatch(SCRIPT[l].has);
        expect(s, `${path}.${l} script`).not.toMatch(SCRIPT[l].not);
        expect(slashes(s!), `${path}.${l} double names`).toBe(slashes(t.en));
      }
    }
  });

  it('is marked in client/locales/review.json until a native speaker has read it', () => {
    const review = JSON.parse(readFileSync(join(import.meta.dirname, '../../client/locales/review.json'), 'utf8'));
    for (const l of LANGUAGES) expect(review.scenarios?.[id]?.[l], `${id} ${l}`).toMatchObject({ reviewed: expect.any(Boolean) });
  });
});

describe('place names', () => {
  it('a region the two sides name differently carries both names', () => {
    // The rest of Karabakh, the corridor and the districts are named alike by both sides.
    const sameName = new Set(['askeran', 'sus', 'tartar']);
    const regions = loadScenario('august-2022').regions.filter((r) => ['karabakh', 'corridor', 'district'].includes(r.kind));
    for (const r of regions) expect(r.name.en.includes('/'), r.id).toBe(!sameName.has(r.id));
  });
});
