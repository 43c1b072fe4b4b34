// Each player in their own language, in one match: three Chromiums set to Armenian, Azerbaijani and
// Russian (--lang and the context's locale) play Armenia, Azerbaijan and Russia to the debrief.
// On every screen each page's text is its language's (no English interface string left: the
// visible text is compared with the English catalogue's values), <html lang> matches, and the
// Armenian page's map draws its Armenian labels with the shipped font. Screenshots of every screen
// in each language at 1280 and 390 pixels go to test-results/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, closeReport, launchChromium, ROOT, startServer, untilPhase, type RunningServer } from './helpers.js';

type Lng = 'hy' | 'az' | 'ru';
const SEATS: Record<Lng, 'armenia' | 'azerbaijan' | 'russia'> = { hy: 'armenia', az: 'azerbaijan', ru: 'russia' };
const LOCALES: Record<Lng, string> = { hy: 'hy-AM', az: 'az-AZ', ru: 'ru-RU' };
const SHOTS = join(ROOT, 'test-results', 'languages');

type Tree = { [k: string]: unknown };
const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Tree;
const flatten = (t: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> => {
  if (typeof t === 'string') out.set(prefix, t);
  else if (t && typeof t === 'object') for (const [k, v] of Object.entries(t)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
};
const catalogue = (l: string) => new Map([...flatten(read(`shared/locales/${l}.json`)), ...flatten(read(`client/locales/${l}.json`))]);
const EN = catalogue('en');
// The scenario's own English texts (the scenario files' translations are checked by i18n:check).
const scenarioTexts = (t: unknown): string[] =>
  t && typeof t === 'object' ? ('en' in t && typeof (t as { en: unknown }).en === 'string' ? [(t as { en: string }).en] : Object.values(t).flatMap(scenarioTexts)) : [];
const SCENARIO_EN = new Set(scenarioTexts(read('scenarios/august-2022.json')));

/** English interface strings as patterns: a {{variable}} matches anything. Strings the language writes the same, and one-word ones, are left out. */
function englishPatterns(lng: Lng): { key: string; re: RegExp }[] {
  const own = catalogue(lng);
  const out: { key: string; re: RegExp }[] = [];
  for (const [key, en] of EN) {
    if (own.get(key) === en) continue;
    const words = en.replace(/\{\{[^}]*\}\}/g, ' ').match(/[A-Za-z]{3,}/g) ?? [];
    if (words.length < 2) continue;
    const body = en
      .split(/\{\{[^}]*\}\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+?');
    out.push({ key, re: new RegExp(`^${body}$`) });
  }
  return out;
}

/** Every visible text on the page and its labels, placeholders and titles; chat is left out (it stays as typed). */
const visibleTexts = (p: Page) =>
  p.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      const text = walker.currentNode.textContent?.trim();
      if (!el || !text || el.closest('.chat-log, .fac-chat, script, style')) continue;
      if (el.checkVisibility && !el.checkVisibility()) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]'))
      for (const a of ['placeholder', 'aria-label', 'title']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    return out;
  });

/** What does not fit the screen: the page scrolls sideways, or a button's or tab's words are wider than it (a menu shows its long options when opened: not counted). */
const misfits = (p: Page) =>
  p.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth) {
      // Name the outermost elements that stick out, to say what to fix.
      const wide = [...document.body.querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > innerWidth + 1));
      out.push(`page ${document.documentElement.scrollWidth} > ${innerWidth}: ${wide.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`).join(', ')}`);
    }
    // The current phase is always whole in the phase bar (the others may shrink to a few letters).
    const phase = document.querySelector<HTMLElement>('.pb-phases li.current');
    const list = phase?.parentElement?.getBoundingClientRect();
    if (phase && phase.offsetParent !== null && list && (phase.scrollWidth > phase.clientWidth + 1 || phase.getBoundingClientRect().right > list.right + 1)) out.push(`current phase "${phase.textContent}" cut`);
    for (const el of document.querySelectorAll<HTMLElement>('button, summary'))
      if (el.offsetParent !== null && !el.closest('.visually-hidden') && el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${el.scrollWidth} > ${el.clientWidth}`);
    return out;
  });

let server: RunningServer;
const browsers: Awaited<ReturnType<typeof launchChromium>>[] = [];
const pages = {} as Record<Lng, Page>;
const contexts = {} as Record<Lng, BrowserContext>;
const errors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  buildClient();
  server = await startServer();
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
});

async function inEachLanguage(screen: string, check = true) {
  for (const lng of ['hy', 'az', 'ru'] as const) {
    const p = pages[lng];
    expect(await p.evaluate(() => document.documentElement.lang), `${screen} ${lng}`).toBe(lng);
    if (check) {
      const patterns = englishPatterns(lng);
      const left = (await visibleTexts(p)).filter((text) => !SCENARIO_EN.has(text)).flatMap((text) => patterns.filter((x) => x.re.test(text)).map((x) => `${x.key}: ${text}`));
      expect(left, `${screen} in ${lng}: English interface strings`).toEqual([]);
    }
    for (const [width, height] of [[1280, 720], [1024, 768], [390, 844], [360, 740]] as const) {
      await p.setViewportSize({ width, height });
      await p.waitForTimeout(150);
      await p.screenshot({ path: join(SHOTS, `${screen}-${lng}-${width}.png`) });
      // Longer words must still fit: nothing scrolls sideways, no control's words run out of it.
      expect(await misfits(p), `${screen} in ${lng} at ${width} px`).toEqual([]);
    }
    await p.setViewportSize({ width: 1280, height: 720 });
  }
}

async function tab(p: Page, name: string) {
  await closeReport(p);
  await p.locator(`[data-tab=${name}]`).click();
}

// Armenian region names for the map when the shipped scenario has none yet (its translations come
// with the scenario files): an uploaded variant that changes only the names.
const ARMENIAN_NAMES: Record<string, string> = {
  syunik: 'Սյունիք', 'vayots-dzor': 'Վայոց ձոր', gegharkunik: 'Գեղարքունիք', tavush: 'Տավուշ', 'armenia-interior': 'Արարատյան դաշտ և Երևան',
  stepanakert: 'Ստեփանակերտ/Խանքենդի', martuni: 'Մարտունի/Խոջավենդ', askeran: 'Ասկերան', martakert: 'Մարտակերտ/Աղդարա', shusha: 'Շուշա/Շուշի',
  berdzor: 'Բերձոր (Լաչին)', aghavno: 'Աղավնո', sus: 'Սուս', kalbajar: 'Քելբաջար/Քարվաճառ', kubatly: 'Կուբաթլու', zangilan: 'Զանգելան',
  jabrayil: 'Ջաբրայիլ', fuzuli: 'Ֆիզուլի', aghdam: 'Աղդամ', tartar: 'Թարթառ', nakhchivan: 'Նախիջևան', 'azerbaijan-interior': 'Ադրբեջան (Գանձակից Բաքու)',
  georgia: 'Վրաստան', iran: 'Իրան', turkey: 'Թուրքիա',
};

async function scenarioWithArmenianMap(): Promise<string> {
  const base = (await (await fetch(`${server.url}/api/scenarios/august-2022`)).json()) as { regions: { id: string; name: Record<string, string> }[] };
  if (base.regions.every((r) => r.name.hy)) return 'august-2022';
  const variant = { extends: 'august-2022', id: 'e2e-languages', regions: base.regions.map((r) => ({ id: r.id, name: { ...r.name, hy: ARMENIAN_NAMES[r.id] ?? `Տարածք ${r.id}` } })) };
  const res = await fetch(`${server.url}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(variant) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('each player in their own language', () => {
  it('Armenian, Azerbaijani and Russian players play one match to the debrief, each page in its language', async () => {
    // A class session of one room (a session may play an uploaded scenario); its console is looked at in each language too.
    const scenario = await scenarioWithArmenianMap();
    const long = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };
    const made = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Yerevan · Baku · Tbilisi', scenario, rooms: 1, seed: 5, timers: long, seats: { armenia: 'human', azerbaijan: 'human', russia: 'human', eu: 'bot' } }),
    });
    expect(made.status).toBe(201);
    const session = (await made.json()) as { sessionId: string; facilitatorToken: string; rooms: { code: string; matchId: string; keys: Record<string, string> }[] };
    const code = session.rooms[0].code;

    for (const lng of ['hy', 'az', 'ru'] as const) {
      const b = await launchChromium([`--lang=${lng}`]);
      browsers.push(b);
      const ctx = await b.browser.newContext({ locale: LOCALES[lng], viewport: { width: 1280, height: 720 } });
      contexts[lng] = ctx;
      // This browser also holds the session's facilitator key, to open its console later.
      const saved = JSON.stringify([{ id: session.sessionId, name: 'Yerevan · Baku · Tbilisi', token: session.facilitatorToken, createdAt: Date.now() }]);
      await ctx.addInitScript((v) => localStorage.setItem('parity.classSessions', v), saved);
      const p = await ctx.newPage();
      p.on('pageerror', (e) => errors.push(`${lng}: ${e.message}`));
      await p.goto(`${server.url}/?code=${code}&seat=${SEATS[lng]}&key=${session.rooms[0].keys[SEATS[lng]]}`);
      await p.locator('.home').waitFor();
      pages[lng] = p;
    }
    const all = [pages.hy, pages.az, pages.ru];
    expect(await pages.ru.evaluate(() => navigator.languages[0])).toBe('ru-RU');
    await inEachLanguage('01-home');

    // Each joins from the link with its seat, then reads the notice and its briefing.
    for (const lng of ['hy', 'az', 'ru'] as const) {
      const p = pages[lng];
      await p.locator('.home-name input').fill({ hy: 'Անի', az: 'Elnur', ru: 'Ольга' }[lng]);
      await p.locator('form:has(.code-input) button[type=submit]').click();
      await p.getByTestId('to-briefing').waitFor();
    }
    await inEachLanguage('02-lobby');
    for (const p of all) await p.getByTestId('to-briefing').click();
    await inEachLanguage('03-notice');
    for (const p of all) await p.getByTestId('notice-continue').click();
    await inEachLanguage('04-briefing');
    for (const p of all) await p.getByTestId('briefing-ready').click();

    // The Armenian page's map: its labels wait for the shipped Armenian face, which then draws them.
    const hy = pages.hy;
    await hy.locator('[data-testid=map] canvas').waitFor();
    await hy.waitForFunction(() => Number(document.querySelector('[data-testid=map]')?.getAttribute('data-bakes')) > 0, undefined, { timeout: 20_000 });
    const font = await hy.evaluate(async () => {
      const faces = [...document.fonts].filter((f) => f.family.replace(/['"]/g, '') === 'Parity Armenian');
      const c = document.createElement('canvas');
      c.width = 60;
      c.height = 40;
      const g = c.getContext('2d')!;
      const ink = (ch: string) => {
        g.clearRect(0, 0, 60, 40);
        g.font = "bold 28px 'Parity Armenian'";
        g.fillText(ch, 4, 32);
        return Array.from(g.getImageData(0, 0, 60, 40).data.filter((_, i) => i % 4 === 3)).join(',');
      };
      return {
        loaded: faces.some((f) => f.status === 'loaded'),
        check: document.fonts.check("bold 13px 'Parity Armenian'", 'Շուշի'),
        // A real glyph, not the missing-glyph box: Շ and Ա differ from each other and from an unassigned code point.
        glyphs: new Set([ink('Շ'), ink('Ա'), ink('\uE000')]).size,
        names: [...document.querySelectorAll('[data-testid=region-list] .rname')].map((e) => e.textContent ?? ''),
      };
    });
    expect(font.loaded).toBe(true);
    expect(font.check).toBe(true);
    expect(font.glyphs).toBe(3);
    expect(font.names.some((n) => /[\u0531-\u0587]/.test(n))).toBe(true);

    await untilPhase(all, 'planning');
    await hy.waitForTimeout(500);
    // The month in each language's words and no English decimal point, also where the browser lacks its data.
    expect(await hy.locator('.pb-round .hint').textContent()).toMatch(/2022 թ\. [\u0561-\u0587]+/);
    expect(await pages.az.locator('.pb-round .hint').textContent()).toMatch(/[a-zə]+ 2022/);
    expect(await pages.ru.locator('.pb-round .hint').textContent()).toMatch(/[а-я]+\.? 2022/);
    for (const lng of ['hy', 'az', 'ru'] as const) expect(await pages[lng].evaluate(() => document.querySelector('.balance .meter-text')?.textContent ?? '')).not.toMatch(/\d\.\d/);
    await inEachLanguage('05-play-planning');
    for (const lng of ['hy', 'az'] as const) await tab(pages[lng], 'demands');
    await tab(pages.ru, 'treaty');
    await inEachLanguage('06-play-demands-treaty');
    for (const lng of ['hy', 'az', 'ru'] as const) await tab(pages[lng], 'news');
    await inEachLanguage('07-play-news');

    // Round 1 to its report.
    await untilPhase(all, 'resolution');
    for (const p of all) await p.getByTestId('round-report').waitFor({ state: 'visible' });
    await inEachLanguage('08-round-report');

    // Round 2: Russia puts a package on the table and both parties sign it.
    await untilPhase(all, 'negotiation');
    const ru = pages.ru;
    await tab(ru, 'treaty');
    await ru.locator('.composer summary').click();
    for (const id of ['border-commission', 'detainees', 'missing-persons']) await ru.locator(`[data-clause=${id}]`).check();
    await ru.locator('.composer .clause-picker button.primary').click();
    for (const lng of ['hy', 'az'] as const) {
      await tab(pages[lng], 'treaty');
      await pages[lng].locator('.proposal button.primary').first().click();
    }
    for (const p of all) await p.locator('.debrief').waitFor({ timeout: 20_000 });
    for (const p of all) await p.locator('.score').first().waitFor({ timeout: 20_000 });
    await inEachLanguage('09-debrief');

    // The console, in each facilitator's language: the rooms, one room, the join sheet, the class debrief.
    const consolePages = {} as Record<Lng, Page>;
    for (const lng of ['hy', 'az', 'ru'] as const) {
      const c = await contexts[lng].newPage();
      c.on('pageerror', (e) => errors.push(`${lng} console: ${e.message}`));
      await c.goto(`${server.url}/facilitate/${session.sessionId}`);
      await c.locator('.fac-rooms article').first().waitFor({ timeout: 20_000 });
      consolePages[lng] = c;
    }
    const players = { ...pages };
    Object.assign(pages, consolePages);
    await inEachLanguage('10-console-rooms');
    for (const lng of ['hy', 'az', 'ru'] as const) await pages[lng].goto(`${server.url}/facilitate/${session.sessionId}/room/${session.rooms[0].matchId}`);
    for (const lng of ['hy', 'az', 'ru'] as const) await pages[lng].locator('.fac-roompage [data-testid=timeline]').waitFor({ timeout: 20_000 });
    await inEachLanguage('11-console-room');
    for (const lng of ['hy', 'az', 'ru'] as const) await pages[lng].goto(`${server.url}/facilitate/${session.sessionId}/sheet`);
    for (const lng of ['hy', 'az', 'ru'] as const) await pages[lng].locator('.fac-sheet').waitFor({ timeout: 20_000 });
    await inEachLanguage('12-console-sheet');
    for (const lng of ['hy', 'az', 'ru'] as const) await pages[lng].goto(`${server.url}/facilitate/${session.sessionId}/debrief`);
    for (const lng of ['hy', 'az', 'ru'] as const) await pages[lng].locator('[data-testid=compare]').waitFor({ timeout: 20_000 });
    await inEachLanguage('13-console-debrief');
    for (const lng of ['hy', 'az', 'ru'] as const) await pages[lng].goto(`${server.url}/facilitate`);
    for (const lng of ['hy', 'az', 'ru'] as const) await pages[lng].locator('.fac-create').waitFor({ timeout: 20_000 });
    await inEachLanguage('14-console-start');
    Object.assign(pages, players);

    // The menu switches a page at any time, and the choice outlasts a reload.
    const az = pages.az;
    await az.getByTestId('language').locator('select').selectOption('ru');
    await az.waitForFunction(() => document.documentElement.lang === 'ru');
    await az.reload();
    await az.locator('.debrief, .home').first().waitFor();
    expect(await az.evaluate(() => document.documentElement.lang)).toBe('ru');
    // A negative arc radius when the map shrinks to a phone's width is the layout's (issue 12), not a language's.
    expect(errors.filter((e) => !/radius provided .* is negative/.test(e))).toEqual([]);
  });
});
