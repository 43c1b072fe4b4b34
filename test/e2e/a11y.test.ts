// Accessibility, checked by axe-core in real Chromium: no violation on any screen (home, lobby, the
// content note, the briefing, play with each panel and view, the region list, the briefing over
// play, the round report, the debrief, and every console page) at 1280, 1024 and 390 px wide. The
// play screen starts with a skip link to the panel, and the region list is folded until opened.
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { buildClient, endMatchFromOutside, everyoneDone, launchChromium, PHONE, startServer, type RunningServer } from './helpers.js';

let server: RunningServer;
let chrome: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  buildClient();
  server = await startServer();
  chrome = await launchChromium();
});

afterAll(async () => {
  await chrome?.close();
  await server?.stop();
});

const SIZES: [string, BrowserContextOptions][] = [
  ['1280×720', { viewport: { width: 1280, height: 720 } }],
  ['1024×768', { viewport: { width: 1024, height: 768 } }],
  ['390×844', PHONE],
];

/** Runs axe on each screen and keeps what it found, by screen: the test expects an empty record. */
function checker(page: Page) {
  const found: Record<string, string[]> = {};
  return {
    found,
    check: async (screen: string) => {
      await page.waitForTimeout(150); // let focus and live regions settle
      const v = await axeViolations(page);
      if (v.length) found[screen] = v;
    },
  };
}

const phaseOf = (p: Page) => p.locator('.phase-bar').getAttribute('data-phase');

describe.each(SIZES)('accessibility at %s', (_size, options) => {
  const phone = (options.viewport?.width ?? 1280) < 700;

  it('every player screen', async () => {
    const ctx = await chrome.browser.newContext(options);
    const page = await ctx.newPage();
    const { found, check } = checker(page);
    await page.goto(server.url);
    await page.locator('option[value=august-2022]').waitFor({ state: 'attached' });
    await check('home');

    // The lobby of a match made here (in a second tab).
    const lobby = await ctx.newPage();
    const lobbyCheck = checker(lobby);
    await lobby.goto(server.url);
    await lobby.locator('option[value=august-2022]').waitFor({ state: 'attached' });
    await lobby.getByLabel('You will be').selectOption('armenia');
    await lobby.getByRole('button', { name: 'Create match' }).click();
    await lobby.getByTestId('join-code').waitFor();
    await lobbyCheck.check('lobby');
    Object.assign(found, lobbyCheck.found);
    await lobby.close();

    await page.getByRole('button', { name: 'Play now', exact: true }).click();
    await page.getByTestId('notice-continue').waitFor();
    await check('content note');
    await page.getByTestId('notice-continue').click();
    await check('briefing');
    await page.getByTestId('briefing-ready').click();
    await page.locator('[data-testid=map][data-bakes]').waitFor();
    await check('play');

    // The skip link is the first stop and lands in the panel; the region list waits folded.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('panel');
    expect(await page.getByTestId('region-details').getAttribute('open')).toBeNull();

    if (phone)
      for (const view of ['map', 'meters']) {
        await page.locator(`[data-show=${view}]`).click();
        await check(`view ${view}`);
      }
    for (const tab of ['plan', 'demands', 'treaty', 'chat', 'news']) {
      await page.locator(`[data-tab=${tab}]`).click();
      await check(`panel ${tab}`);
    }
    if (phone) await page.locator('[data-show=map]').click();
    await page.getByTestId('region-details').locator('summary').click();
    await check('region list');
    await page.getByTestId('region-details').locator('summary').click();
    await page.getByRole('button', { name: 'Briefing' }).click();
    await check('briefing over play');
    await page.getByRole('button', { name: 'Close' }).click();

    // The round report, at the end of round 1.
    while (!['resolution', 'report'].includes((await phaseOf(page))!)) await everyoneDone([page]);
    await page.getByTestId('round-report').waitFor({ state: 'visible' });
    await check('round report');
    await page.getByTestId('close-report').click();

    // The debrief.
    await endMatchFromOutside(server.url, page);
    await page.locator('.debrief .score').first().waitFor({ timeout: 20_000 });
    await page.locator('.chart canvas').first().waitFor();
    await check('debrief');
    expect(found).toEqual({});
    await ctx.close();
  });

  it('every console page', async () => {
    const ctx = await chrome.browser.newContext(options);
    const fac = await ctx.newPage();
    const { found, check } = checker(fac);
    await fac.goto(`${server.url}/facilitate`);
    await fac.locator('option[value=august-2022]').waitFor({ state: 'attached' });
    await check('start');
    await fac.getByLabel('Session name').fill('Accessibility');
    await fac.getByLabel('Rooms', { exact: true }).fill('20');
    await fac.getByTestId('rooms-capped').waitFor();
    await check('start, too many rooms');
    await fac.getByLabel('Rooms', { exact: true }).fill('2');
    await fac.getByRole('button', { name: /Create the session/ }).click();
    await fac.getByTestId('sheet-code').nth(1).waitFor();
    await check('join sheet');
    await fac.getByRole('link', { name: 'Rooms' }).click();
    await fac.locator('.fac-room').nth(1).waitFor();
    await check('rooms');
    await fac.locator('.fac-room').first().getByRole('link', { name: 'Room 1' }).click();
    await fac.getByTestId('timeline').waitFor();
    await check('room');
    await fac.getByRole('link', { name: 'Rooms', exact: true }).click();
    await fac.getByTestId('end-session').click();
    await check('end the session?');
    await fac.getByTestId('end-confirm').click();
    await fac.getByTestId('compare').waitFor({ timeout: 20_000 });
    await fac.locator('.chart canvas').first().waitFor();
    await check('class debrief');
    expect(found).toEqual({});
    await ctx.close();
  });
});
