// @vitest-environment happy-dom
// Each player in their own language: detection and the stored choice, every engine event as a
// sentence in every language, numbers and plurals the language's way, refusals and room names in
// the reader's words, and the facilitator's notes about translations.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { TFunction } from 'i18next';
import { createI18n, LANGUAGES, loadCatalogue, type Language } from '../../client/i18n.js';
import { chooseLanguage, detectLanguage, preferredLanguage } from '../../client/language.js';
import { describeEvent, namer } from '../../client/ui/names.js';
import { refusalWords } from '../../client/ui/refusals.js';
import { errorText } from '../../client/ui/errors.js';
import { roomName } from '../../client/facilitate/roomName.js';
import { formatDuration, formatMonth, formatNumber } from '../../client/ui/format.js';
import { TranslationNotes } from '../../client/ui/TranslationNotes.js';
import { labelFontsReady } from '../../client/map/fonts.js';
import { playMatch } from '../../shared/sim/play.js';
import { act, matchAt, scenario } from './fixtures.js';

afterEach(cleanup);

async function inLanguage(lng: Language) {
  const i18n = createI18n('en');
  await chooseLanguage(i18n, lng, false);
  return i18n;
}

const ARMENIAN = /[\u0531-\u0587]/;
const CYRILLIC = /[\u0400-\u04FF]/;

describe('which language a reader gets', () => {
  it('takes the stored choice, else the first of the browser’s languages the game speaks, else English', () => {
    expect(preferredLanguage(['hy-AM', 'en-US'])).toBe('hy');
    expect(preferredLanguage(['fr-FR', 'ru_RU', 'az'])).toBe('ru');
    expect(preferredLanguage(['AZ-Latn-AZ'])).toBe('az');
    expect(preferredLanguage(['de', 'fr'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
    expect(preferredLanguage(['ru'], 'hy')).toBe('hy');
    expect(preferredLanguage(['ru'], 'xx')).toBe('ru');
  });

  it('keeps a choice across reloads and sets <html lang>', async () => {
    localStorage.clear();
    const i18n = createI18n('en');
    await chooseLanguage(i18n, 'az');
    expect(document.documentElement.lang).toBe('az');
    expect(i18n.language).toBe('az');
    expect(detectLanguage()).toBe('az');
    expect(i18n.t('home.join')).toBe('Oyuna qoşulun');
    localStorage.clear();
  });
});

describe('texts in every language', () => {
  const m = playMatch(scenario, 9, { armenia: 'refuse', azerbaijan: 'hawk' });
  // A seat handed to a bot and back, and the mediator's read of the capitals, are in the log too.
  const changed = act(matchAt('planning'), 'facilitator', { type: 'setSeat', seat: 'eu', controller: 'bot' }).events.find((e) => e.key === 'seat.changed') ?? null;
  const events = [...m.events, ...(changed ? [changed] : [])];

  it.each(LANGUAGES)('every engine event reads as a sentence in %s, with no ids, keys or English words for endings, stances and controllers', async (lng) => {
    const i18n = await inLanguage(lng);
    const t = i18n.t.bind(i18n) as TFunction;
    expect(new Set(events.map((e) => e.key)).size).toBeGreaterThan(8);
    for (const e of events) {
      const text = describeEvent(e, scenario, t, lng);
      expect(text, e.key).not.toMatch(/event\.|\{\{|stance\.|ending\./);
      if (lng !== 'en') {
        expect(text, e.key).not.toMatch(/\b(human|people|firm|steady|wavering|settlement|capitulation)\b/);
        // Where the sentence has words of its own (not only scenario names), they are the language's.
        const own = i18n.getResource(lng, 'translation', 'event') as Record<string, string>;
        const template = own[e.key] ?? own[`${e.key}_${e.params.controller}`];
        if (/\p{L}/u.test(template.replace(/\{\{[^}]*\}\}/g, ''))) {
          if (lng === 'ru') expect(text, e.key).toMatch(CYRILLIC);
          if (lng === 'hy') expect(text, e.key).toMatch(ARMENIAN);
        }
      }
    }
    expect(changed).not.toBeNull();
    const line = describeEvent(changed!, scenario, t, lng);
    expect(line.startsWith(namer(scenario, t, lng).seat('eu'))).toBe(true);
    expect(line.endsWith({ en: ' is now played by a bot.', hy: '՝ այժմ խաղում է բոտը։', az: ': indi bot oynayır.', ru: ': теперь играет бот.' }[lng])).toBe(true);
  });

  it('writes numbers, plurals and months the language’s way', async () => {
    const ru = await inLanguage('ru');
    expect(ru.t('home.rounds', { count: 1 })).toBe('1 раунд');
    expect(ru.t('home.rounds', { count: 3 })).toBe('3 раунда');
    expect(ru.t('home.rounds', { count: 12 })).toBe('12 раундов');
    expect(ru.t('meters.budgetOwn', { budget: 12.5, base: 1250 })).toBe('Бюджет: 12,5 из 1\u00a0250');
    expect(ru.t('fac.control.all_extend', { count: 1 })).toBe('Добавить 1 минуту во всех комнатах');
    expect(ru.t('fac.control.all_extend', { count: 5 })).toBe('Добавить 5 минут во всех комнатах');
    const hy = await inLanguage('hy');
    expect(hy.t('home.rounds', { count: 5 })).toBe('5 ռաունդ');
    expect(formatNumber(1.5, 'az')).toBe('1,5');
    expect(formatNumber(1.5, 'en')).toBe('1.5');
    expect(formatMonth('2022-08', 'en', 2)).toBe('Oct 2022');
    expect(formatMonth('2022-08', 'ru')).toMatch(/^авг\.? 2022/);
    expect(formatDuration(3_900_000, 'en')).toBe('1h 05m');
    expect(formatDuration(90_061_000, 'ru')).toMatch(/^1 д.* 1 ч$/);
    expect(formatDuration(65_000, 'hy')).toBe('1:05');
  });

  it('words a refusal from its code and params, in the reader’s language; English readers also get the server’s reason', async () => {
    const ru = await inLanguage('ru');
    const t = ru.t.bind(ru) as TFunction;
    const n = namer(scenario, t, 'ru');
    const region = scenario.regions.find((r) => r.kind !== 'context')!;
    expect(refusalWords({ code: 'over_budget', reason: 'the plan costs 12 but the budget is 8', params: { cost: 12.5, budget: 8 } }, t, n, 'ru')).toEqual({ short: 'сверх бюджета', detail: 'план стоит 12,5, а бюджет — 8' });
    expect(refusalWords({ code: 'not_allowed', reason: 'x', params: { why: 'tooManyOpen', max: 2 } }, t, n, 'ru').detail).toBe('одновременно не более 2 открытых требований');
    expect(refusalWords({ code: 'wrong_phase', reason: 'x', params: { action: 'plan', phases: 'planning', phase: 'news' } }, t, n, 'ru').detail).toBe('допустимо на этапе: Планирование (сейчас: Новости и разведка)');
    expect(refusalWords({ code: 'unknown_region', reason: 'x', params: { region: region.id } }, t, n, 'ru').detail).toContain(n.region(region.id));
    // A "done" that reached the server after its phase ended (the phase it is now, not the rule's phases).
    expect(refusalWords({ code: 'wrong_phase', reason: 'x', params: { why: 'ended', phase: 'planning', round: 2 } }, t, n, 'ru').detail).toBe('этот этап уже закончился (сейчас: Планирование, раунд 2)');
    // Without params (an older server) a Russian reader gets the short phrase only, never the English reason.
    expect(refusalWords({ code: 'over_budget', reason: 'the plan costs 12 but the budget is 8' }, t, n, 'ru')).toEqual({ short: 'сверх бюджета', detail: '' });
    const en = createI18n('en');
    const te = en.t.bind(en) as TFunction;
    expect(refusalWords({ code: 'over_budget', reason: 'the plan costs 12 but the budget is 8' }, te, namer(scenario, te, 'en'), 'en')).toEqual({ short: 'over budget', detail: 'the plan costs 12 but the budget is 8' });
    expect(errorText(new Error('seat_full: armenia already has 8 players'), t, 'ru')).toBe('В этой роли нет свободных мест.');
    expect(errorText(Object.assign(new Error('no match with this code'), { status: 404 }), t, 'ru')).toMatch(/^Партии с таким кодом нет/);
    // The store could not keep a change; a match whose record cannot be replayed (issue 15).
    expect(refusalWords({ code: 'storage_unavailable', reason: 'storage unavailable, try again' }, t, n, 'ru')).toEqual({ short: 'хранилище недоступно, попробуйте снова', detail: '' });
    expect(errorText(Object.assign(new Error('the record of match m1 cannot be replayed'), { status: 409 }), t, 'ru')).toMatch(/^Запись этой партии не воспроизводится/);
    expect(errorText(Object.assign(new Error('storage unavailable, try again'), { status: 503 }), t, 'ru')).toMatch(/^Игра сейчас не может/);
  });

  it('names the server’s default rooms and forks in the reader’s language, and keeps a name the facilitator chose', async () => {
    const az = await inLanguage('az');
    const t = az.t.bind(az) as TFunction;
    expect(roomName('Room 2', t)).toBe('Otaq 2');
    expect(roomName('Room 1 · fork @3', t)).toBe('Otaq 1 · qol @3');
    expect(roomName('Blue team · fork @1', t)).toBe('Blue team · qol @1');
    expect(roomName('Blue team', t)).toBe('Blue team');
  });

  it('tells facilitators which languages are unreviewed and which the scenario lacks', async () => {
    const hy = await inLanguage('hy');
    // A scenario in English only but for its Armenian title (the shipped ones are translated whole).
    const english = englishOnly(scenario);
    const partly = { ...english, title: { ...english.title, hy: 'Հավասարակշռություն' } };
    render(
      <I18nextProvider i18n={hy}>
        <TranslationNotes scenario={partly} />
      </I18nextProvider>,
    );
    const notes = screen.getByTestId('translation-notes');
    expect(notes.querySelector('summary')?.textContent).toMatch(/HY · AZ · RU$/);
    expect(notes.querySelector('[data-note=unreviewed]')?.textContent).toMatch(ARMENIAN);
    expect(notes.querySelector('[data-note=partly]')?.textContent).toMatch(/հայերեն/i);
    expect(notes.querySelector('[data-note=fallback]')?.textContent).toMatch(/ադրբեջաներեն.*ռուսերեն/i);
  });

  it('loads each language’s catalogue with the interface’s and the engine’s texts', async () => {
    for (const l of LANGUAGES) {
      const c = (await loadCatalogue(l)) as { event: object; fac: object };
      expect(Object.keys(c.event).length).toBeGreaterThan(20);
      expect(Object.keys(c.fac).length).toBeGreaterThan(20);
    }
  });

  it('bakes the map only once the Armenian face is loaded, when a label has Armenian letters', () => {
    const fonts = { check: () => false } as unknown as FontFaceSet;
    expect(labelFontsReady('Syunik · Berdzor', fonts)).toBe(true);
    expect(labelFontsReady('Շուշի', fonts)).toBe(false);
    expect(labelFontsReady('Շուշի', { check: () => true } as unknown as FontFaceSet)).toBe(true);
  });
});

/** A copy of `s` with every scenario text cut down to its English. */
function englishOnly<T>(s: T): T {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (!x || typeof x !== 'object') return x;
    const o = x as Record<string, unknown>;
    if (typeof o.en === 'string' && Object.keys(o).every((k) => ['en', 'hy', 'az', 'ru'].includes(k))) return { en: o.en };
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, strip(v)]));
  };
  return strip(s) as T;
}
