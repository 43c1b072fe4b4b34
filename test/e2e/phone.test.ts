// The whole game on a phone (390×844, touch) in real Chromium: play now from the home page to the
// debrief with taps only. On every screen nothing is wider than the screen; in every phase Done is
// on screen; the map is at least 300 px wide and drawn; every control is at least 44 px tall;
// turning the phone sideways and back mid-round leaves the map as it was; no page error. Also the
// phone's network: the bytes over the wire for home and the play screen, and a second visit.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, launchChromium, PHONE, playNowToMap, ROOT, startServer, type RunningServer } from './helpers.js';
import { fetchedAgain, totalBytes, watchWire } from './wire.js';

const SHOTS = join(ROOT, 'test-results');
let server: RunningServer;
let chrome: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  buildClient();
  server = await startServer();
  chrome = await launchChromium();
});

afterAll(async () => {
  await chrome?.close();
  await server?.stop();
});

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `phone-${name}.png`) });

/** What does not fit: the page scrolls sideways, or a view or panel is wider than its box. */
async function overflow(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > innerWidth) out.push(`page ${root.scrollWidth} > ${innerWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('.map-col, .meters-col, .tab-panel, .phase-bar, .tabs, .debrief, .home, .briefing, .round-report'))
      if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1) out.push(`${el.className.split(' ')[0]} ${el.scrollWidth} > ${el.clientWidth}`);
    return out;
  });
}

/** Visible controls under 44 px tall (a checkbox counts by its label). */
async function smallTargets(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, select, input, textarea, summary, a[href]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom < 0 || r.top > innerHeight) continue;
      if (el.closest('.visually-hidden') || el.classList.contains('skip-link')) continue;
      const box = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? el).getBoundingClientRect() : r;
      if (box.height < 43.5) out.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.textContent ?? '').trim().slice(0, 24)}" ${Math.round(box.height)} px`);
    }
    return out;
  });
}

/** Done is in the phase bar and entirely on screen. */
async function doneOnScreen(p: Page): Promise<boolean> {
  const box = await p.getByTestId('done').boundingBox();
  const vp = p.viewportSize()!;
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height && box.x + box.width <= vp.width;
}

/** The map canvas: its CSS width, and how many distinct colours it holds (a blank canvas has one). */
async function mapCanvas(p: Page): Promise<{ width: number; colours: number; image: string }> {
  return p.evaluate(() => {
    const canvas = document.querySelector('[data-testid=map] canvas') as HTMLCanvasElement | null;
    if (!canvas) return { width: 0, colours: 0, image: '' };
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 53) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { width: canvas.getBoundingClientRect().width, colours: seen.size, image: canvas.toDataURL() };
  });
}

const bakes = (p: Page) => p.getByTestId('map').getAttribute('data-bakes').then(Number);
const phaseOf = (p: Page) => p.locator('.phase-bar').getAttribute('data-phase');
const roundOf = (p: Page) => p.locator('.phase-bar').getAttribute('data-round');

describe('a laptop screen (1280×720)', () => {
  it('gives the working panel the height, and keeps toasts off the map legend', async () => {
    const ctx = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await page.goto(server.url);
    await playNowToMap(page);
    await page.locator('.toast').first().waitFor();
    const rect = (sel: string) => page.locator(sel).first().evaluate((e) => JSON.parse(JSON.stringify(e.getBoundingClientRect())) as DOMRect);
    const legend = await rect('.map-detail');
    for (const toast of await page.locator('.toast').all()) {
      const r = await toast.evaluate((e) => JSON.parse(JSON.stringify(e.getBoundingClientRect())) as DOMRect);
      expect(r.bottom <= legend.top || r.top >= legend.bottom || r.right <= legend.left || r.left >= legend.right).toBe(true);
    }
    // The panel runs from the tabs to the bottom of the screen: a demand card (about 400 px) fits whole.
    const panel = await rect('.tab-panel');
    expect(panel.height).toBeGreaterThan(560);
    expect(panel.bottom).toBeLessThanOrEqual(720);
    await ctx.close();
  });
});

describe('the whole game on a phone', () => {
  it('plays now from home to the debrief with taps only', async () => {
    const ctx = await chrome.browser.newContext(PHONE);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const wire = await watchWire(page);
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const home = totalBytes(wire.all());
    expect(await overflow(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await shot(page, '01-home');

    // Play now: the content note, the briefing, then the map (the first view on a phone).
    const mark = wire.all().length;
    await playNowToMap(page, true);
    await page.waitForLoadState('networkidle');
    const play = totalBytes(wire.since(mark));
    // The phone's network (targets of issue 12): home ≤ 250 KB, the play screen ≤ 700 KB, over the wire.
    expect(home).toBeLessThan(250 * 1024);
    expect(play).toBeLessThan(700 * 1024);

    // The map gets the phone's width, is drawn, and nothing sticks out.
    await page.waitForTimeout(500);
    const first = await mapCanvas(page);
    expect(first.width).toBeGreaterThanOrEqual(300);
    expect(first.colours).toBeGreaterThan(12);
    expect(await overflow(page)).toEqual([]);
    await shot(page, '02-map');

    // Every view of the bottom bar, by tap: it fits, its controls are large enough, Done stays.
    for (const view of ['meters', 'map']) {
      await page.locator(`[data-show=${view}]`).tap();
      expect(await overflow(page), view).toEqual([]);
      expect(await smallTargets(page), view).toEqual([]);
    }
    for (const tab of ['plan', 'demands', 'treaty', 'chat', 'news']) {
      await page.locator(`[data-tab=${tab}]`).tap();
      await page.locator('.tab-panel').waitFor();
      expect(await overflow(page), tab).toEqual([]);
      expect(await smallTargets(page), tab).toEqual([]);
      expect(await doneOnScreen(page), tab).toBe(true);
      await shot(page, `03-${tab}`);
    }

    // Turned sideways and back mid-round: the map is drawn again at each size, and comes back
    // exactly as it was (no label left over from the narrow or wide drawing).
    await page.locator('[data-show=map]').tap();
    await page.waitForTimeout(300);
    const before = await mapCanvas(page);
    const baked = await bakes(page);
    await page.setViewportSize({ width: 844, height: 390 });
    await expect.poll(() => bakes(page)).toBeGreaterThan(baked);
    await page.waitForTimeout(300);
    const sideways = await mapCanvas(page);
    expect(sideways.width).toBeGreaterThan(before.width);
    expect(sideways.colours).toBeGreaterThan(12);
    expect(await overflow(page)).toEqual([]);
    expect(await doneOnScreen(page)).toBe(true);
    await shot(page, '04-landscape');
    const bakedSideways = await bakes(page);
    await page.setViewportSize(PHONE.viewport);
    await expect.poll(() => bakes(page)).toBeGreaterThan(bakedSideways);
    await page.waitForTimeout(300);
    expect((await mapCanvas(page)).image).toBe(before.image);

    // Every phase to the end, tapping Done: Done always on screen, nothing wider than the phone.
    let phases = 0;
    for (let i = 0; i < 200 && !(await page.locator('.debrief').isVisible()); i++) {
      const report = page.getByTestId('close-report');
      if (await report.isVisible()) {
        expect(await overflow(page), 'round report').toEqual([]);
        if (phases < 8) await shot(page, '05-report');
        await report.tap();
      }
      if (await page.locator('.debrief').isVisible()) break;
      expect(await doneOnScreen(page), `phase ${await phaseOf(page)}`).toBe(true);
      expect(await overflow(page)).toEqual([]);
      const [phase, round] = [await phaseOf(page), await roundOf(page)];
      const done = page.getByTestId('done');
      if (await done.isEnabled()) await done.tap();
      await page.waitForFunction(
        ([ph, r]) => {
          const bar = document.querySelector('.phase-bar');
          return !bar || bar.getAttribute('data-phase') !== ph || bar.getAttribute('data-round') !== r;
        },
        [phase, round] as const,
        { timeout: 30_000 },
      );
      phases++;
    }
    expect(phases).toBeGreaterThan(6);

    // The debrief: it fits, its charts lie one under the other without overlapping.
    await page.locator('.debrief .score').first().waitFor({ timeout: 20_000 });
    await page.locator('.chart canvas').first().waitFor();
    await page.waitForTimeout(300);
    expect(await overflow(page)).toEqual([]);
    const charts = await page.locator('.chart').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })));
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const c of charts) expect(c.right).toBeLessThanOrEqual(390);
    for (let i = 1; i < charts.length; i++) expect(charts[i].top).toBeGreaterThanOrEqual(charts[i - 1].bottom - 0.5);
    await shot(page, '06-debrief');
    expect(errors).toEqual([]);

    // A second visit fetches only index.html (revalidated): every asset comes from the cache.
    const again = wire.all().length;
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const fetched = fetchedAgain(wire.since(again)).map((f) => `${new URL(f.url).pathname} ${f.status}`);
    expect(fetched).toEqual(['/ 304']);
    await ctx.close();
  });
});
