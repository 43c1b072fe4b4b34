// `npm run i18n:check`: the shipped translations pass, and each kind of mistake is caught.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCatalogue, checkReview, checkScenario, placeholders } from '../../scripts/i18n-check.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('i18n:check', () => {
  it('passes on the shipped catalogues and scenarios (through npm run), naming each language’s coverage', () => {
    const r = spawnSync('npm', ['run', '-s', 'i18n:check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    for (const f of ['client/locales/hy.json', 'client/locales/az.json', 'client/locales/ru.json', 'shared/locales/hy.json', 'shared/locales/az.json', 'shared/locales/ru.json', 'client/locales/review.json'])
      expect(lines).toContain(`ok: ${f}`);
    expect(r.stdout).toMatch(/^ok: scenarios\/august-2022\.json — languages: en 100%, hy \d+%/m);
  }, 60_000);

  const en = { a: 'Join the match as {{seat}}', n: { rounds_one: '{{count}} round', rounds_other: '{{count}} rounds' }, pause_label: 'Pause', word: 'bot' };

  it('finds missing and extra keys, and plurals without exactly the language’s categories', () => {
    const ru = { a: 'Занять роль: {{seat}}', n: { rounds_one: '{{count}} раунд', rounds_few: '{{count}} раунда', rounds_other: '{{count}} раунда' }, extra: 'x', word: 'бот' };
    expect(checkCatalogue(en, ru, 'ru').sort()).toEqual(['extra: extra (not in English)', 'n.rounds_many: missing (ru plurals: one, few, many, other)', 'pause_label: missing'].sort());
    const hy = { a: 'Միանալ որպես {{seat}}', n: { rounds_one: '{{count}} ռաունդ', rounds_few: '{{count}} ռաունդ', rounds_other: '{{count}} ռաունդ' }, pause_label: 'Դադար', word: 'բոտ' };
    expect(checkCatalogue(en, hy, 'hy')).toEqual(['n.rounds_few: extra (hy has no "few" plural)']);
  });

  it('finds a variable missing or misspelt, an empty text and a text left in English', () => {
    const az = { a: '{{seet}} kimi qoşul', n: { rounds_one: '{{count}} raund', rounds_other: '' }, pause_label: 'Pause', word: 'bot' };
    expect(checkCatalogue(en, az, 'az').sort()).toEqual(['a: {{seat}} missing', 'a: {{seet}} is not in the English', 'n.rounds_other: empty'].sort());
    const left = { ...az, a: 'Join the match as {{seat}}', n: { rounds_one: '{{count}} raund', rounds_other: '{{count}} raund' } };
    expect(checkCatalogue(en, left, 'az')).toEqual(['a: not translated (same as English)']);
    expect([...placeholders('{{count, number}} · $t(seats.eu) {{ name }}')]).toEqual(['{{count}}', '{{name}}', '$t(seats.eu)']);
  });

  it('fails a scenario text missing in a language the scenario ships, and one a run requires', () => {
    const s = { title: { en: 'T', hy: 'Թ' }, seats: { armenia: { name: { en: 'Armenia' } } }, n: 3 };
    expect(checkScenario(s).problems).toEqual(['seats.armenia.name: no hy text']);
    expect(checkScenario(s).coverage).toBe('languages: en 100%, hy 50% (1 text in English), az 0% (2 texts in English), ru 0% (2 texts in English)');
    expect(checkScenario(s, ['ru']).problems).toEqual(['seats.armenia.name: no hy text', 'title: no ru text', 'seats.armenia.name: no ru text']);
  });

  it('needs review.json to say, for every language, whether it is reviewed and by whom', () => {
    expect(checkReview({ hy: { reviewed: false, by: null }, az: { reviewed: true, by: 'Aysel' }, ru: { reviewed: false, by: null } })).toEqual([]);
    expect(checkReview({ hy: { reviewed: true, by: null }, az: {} })).toEqual(['review.json: hy: "by" names the reviewer', 'review.json: az: needs "reviewed": true or false', 'review.json: ru: needs "reviewed": true or false']);
  });
});
