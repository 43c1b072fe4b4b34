// `npm run i18n:check`: the translations are complete and consistent.
//
//   npm run i18n:check                      every catalogue and every shipped scenario
//   npm run i18n:check -- --require hy,ru   also fail when a scenario lacks one of these languages
//   npm run i18n:check -- FILE…             these scenario files instead of scenarios/*.json
//
// For each language's catalogues (client/locales, shared/locales) against English: a missing or
// an extra key, a plural without exactly the language's categories (Intl.PluralRules), an
// interpolation variable or a $t() reference that differs, an empty text, a text left in English.
// For each scenario: a text without a language the scenario ships (one it has any text in), and
// the coverage per language. review.json must name every language. Exit code 0 when all is well.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES, type Language } from '../shared/i18n/index.js';
import { coverageLine, scenarioCoverage } from '../shared/i18n/coverage.js';
import { SCENARIO_DIR } from '../shared/scenario/files.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
export const CATALOGUES = ['client/locales', 'shared/locales'] as const;
const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

type Tree = { [k: string]: unknown };
type Flat = Map<string, string>;

/** Leaves by dotted path; arrays by index (`escalationLevel.0`). */
export function flatten(tree: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (tree && typeof tree === 'object') for (const [k, v] of Object.entries(tree)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, String(tree));
  return out;
}

const pluralBase = (key: string): { base: string; cat: string } | null => {
  const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return m ? { base: m[1], cat: m[2] } : null;
};

/** `{{name}}` (without a format) and `$t(key)` in a text. */
export function placeholders(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)) out.add(`{{${m[1]}}}`);
  for (const m of text.matchAll(/\$t\(([^,)]+)/g)) out.add(`$t(${m[1].trim()})`);
  return out;
}

// A text is taken as left in English when it equals the English and has two or more words of
// three letters or more (names like "Parity", codes and single loanwords like "bot" are fine).
const looksEnglish = (text: string) => (text.replace(/\{\{[^}]*\}\}/g, ' ').match(/[A-Za-z]{3,}/g) ?? []).length >= 2;

/** Every problem of one language's catalogue against the English one, each naming its key. */
export function checkCatalogue(en: Tree, target: Tree, lng: Language): string[] {
  const problems: string[] = [];
  const e = flatten(en);
  const x = flatten(target);
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories as string[];
  // English keys that are plural forms: a base with both _one and _other.
  const plurals = new Map<string, Set<string>>();
  for (const k of e.keys()) {
    const p = pluralBase(k);
    if (p) (plurals.get(p.base) ?? plurals.set(p.base, new Set()).get(p.base)!).add(p.cat);
  }
  for (const [base, cats] of [...plurals]) if (!cats.has('one') || !cats.has('other')) plurals.delete(base);
  const isPluralForm = (k: string) => {
    const p = pluralBase(k);
    return p && plurals.has(p.base) ? p : null;
  };
  const englishOf = (k: string): string[] => {
    const p = isPluralForm(k);
    return p ? PLURAL_SUFFIXES.map((c) => e.get(`${p.base}_${c}`)).filter((v): v is string => v !== undefined) : [e.get(k)!];
  };
  // Keys: every English key (or, for a plural, every category of this language), nothing else.
  for (const k of e.keys()) if (!isPluralForm(k) && !x.has(k)) problems.push(`${k}: missing`);
  for (const [base] of plurals)
    for (const c of categories) if (!x.has(`${base}_${c}`)) problems.push(`${base}_${c}: missing (${lng} plurals: ${categories.join(', ')})`);
  for (const k of x.keys()) {
    const p = pluralBase(k);
    if (p && plurals.has(p.base)) {
      if (!categories.includes(p.cat)) problems.push(`${k}: extra (${lng} has no "${p.cat}" plural)`);
    } else if (!e.has(k)) problems.push(`${k}: extra (not in English)`);
  }
  // Texts: not empty, not left in English, the same variables and references.
  for (const [k, text] of x) {
    const english = e.has(k) ? [e.get(k)!] : isPluralForm(k) ? englishOf(k) : null;
    if (!english) continue;
    if (!text.trim()) {
      problems.push(`${k}: empty`);
      continue;
    }
    if (english.includes(text) && looksEnglish(text)) problems.push(`${k}: not translated (same as English)`);
    const want = new Set(english.flatMap((t) => [...placeholders(t)]));
    const got = placeholders(text);
    // A plural form may leave out {{count}} ("one room"); every other variable must be there.
    for (const v of want) if (!got.has(v) && !(v === '{{count}}' && isPluralForm(k))) problems.push(`${k}: ${v} missing`);
    for (const v of got) if (!want.has(v)) problems.push(`${k}: ${v} is not in the English`);
  }
  return problems;
}

/** review.json names every translated language with {reviewed, by}. */
export function checkReview(review: unknown): string[] {
  const problems: string[] = [];
  const r = (review ?? {}) as Record<string, { reviewed?: unknown; by?: unknown }>;
  for (const l of LANGUAGES.filter((x) => x !== 'en')) {
    const entry = r[l];
    if (!entry || typeof entry.reviewed !== 'boolean') problems.push(`review.json: ${l}: needs "reviewed": true or false`);
    else if (entry.reviewed && (typeof entry.by !== 'string' || !entry.by.trim())) problems.push(`review.json: ${l}: "by" names the reviewer`);
  }
  return problems;
}

/** A scenario's untranslated texts: in a language it ships (has any text in) or is required to. */
export function checkScenario(json: unknown, required: readonly Language[] = []): { problems: string[]; coverage: string } {
  const cov = scenarioCoverage(json);
  const problems: string[] = [];
  for (const l of LANGUAGES) {
    const c = cov[l];
    const ships = c.missing.length < c.texts;
    if (!ships && !required.includes(l)) continue;
    for (const path of c.missing) problems.push(`${path}: no ${l} text`);
  }
  return { problems, coverage: coverageLine(cov) };
}

const readJson = (path: string): Tree => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Tree;

export function run(args: string[]): { lines: string[]; ok: boolean } {
  const lines: string[] = [];
  let ok = true;
  const report = (title: string, problems: string[], note = '') => {
    lines.push(`${problems.length ? 'FAIL' : 'ok'}: ${title}${note ? ` — ${note}` : ''}${problems.length ? ` (${problems.length} problem${problems.length === 1 ? '' : 's'})` : ''}`);
    for (const p of problems) lines.push(`  ${p}`);
    if (problems.length) ok = false;
  };
  const at = args.indexOf('--require');
  const required = (at >= 0 ? (args[at + 1] ?? '') : '').split(',').filter(Boolean) as Language[];
  const files = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  for (const dir of CATALOGUES) {
    const en = readJson(`${dir}/en.json`);
    for (const l of LANGUAGES.filter((x) => x !== 'en')) report(`${dir}/${l}.json`, checkCatalogue(en, readJson(`${dir}/${l}.json`), l));
  }
  report('client/locales/review.json', checkReview(readJson('client/locales/review.json')));
  const scenarios = files.length ? files : readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => relative(ROOT, join(SCENARIO_DIR, f)));
  for (const file of scenarios) {
    const { problems, coverage } = checkScenario(JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')), required);
    report(file, problems, coverage);
  }
  return { lines, ok };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const { lines, ok } = run(process.argv.slice(2));
  for (const l of lines) console.log(l);
  process.exitCode = ok ? 0 : 1;
}
