// How much of a scenario is in each language: every text object ({ en, hy?, az?, ru? }) found in
// it, and the ones a language lacks. scenario:check and i18n:check report it; the facilitator's
// console notes a language a scenario falls back to English in.
import { LANGUAGES, type Language } from './index.js';

export interface LanguageCoverage {
  /** Texts in the scenario (the same for every language). */
  texts: number;
  /** Paths of the texts with nothing in this language, e.g. `seats.armenia.briefing`. */
  missing: string[];
}

const isText = (x: unknown): x is Record<string, unknown> =>
  !!x && typeof x === 'object' && !Array.isArray(x) && typeof (x as { en?: unknown }).en === 'string' && Object.keys(x).every((k) => (LANGUAGES as readonly string[]).includes(k));

/** Every text object in a scenario (parsed or as its JSON), with its path. */
export function scenarioTexts(value: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
  if (isText(value)) return [{ path, text: value }];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => scenarioTexts(v, path ? `${path}.${k}` : k));
}

export function scenarioCoverage(scenario: unknown): Record<Language, LanguageCoverage> {
  const texts = scenarioTexts(scenario);
  const of = (l: Language): LanguageCoverage => ({ texts: texts.length, missing: texts.filter((x) => typeof x.text[l] !== 'string' || !x.text[l]).map((x) => x.path) });
  return Object.fromEntries(LANGUAGES.map((l) => [l, of(l)])) as Record<Language, LanguageCoverage>;
}

/** Whole per cent of a language's texts present (100 for a scenario with no texts). */
export const coveragePercent = (c: LanguageCoverage): number => (c.texts ? Math.floor(((c.texts - c.missing.length) / c.texts) * 100) : 100);

/** One line: `languages: en 100%, hy 100%, az 87% (12 texts in English), ru 0% (…)`. */
export function coverageLine(cov: Record<Language, LanguageCoverage>): string {
  return `languages: ${LANGUAGES.map((l) => `${l} ${coveragePercent(cov[l])}%${cov[l].missing.length && l !== 'en' ? ` (${cov[l].missing.length} text${cov[l].missing.length === 1 ? '' : 's'} in English)` : ''}`).join(', ')}`;
}
