// A play-now match can be found again (issue 12, with the seat keys of issue 11): the seat is kept
// for this browser (localStorage), so a second tab offers "resume your match" and takes the seat
// (the first tab lets go, and does not take it back), and so does the browser after a restart.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, launchChromium, startServer, type RunningServer } from './helpers.js';

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

const watch = (p: Page, errors: string[]) => p.on('pageerror', (e) => errors.push(e.message));

async function resume(p: Page) {
  await p.goto(server.url);
  await p.getByTestId('resume').getByRole('button', { name: 'Resume as Armenia' }).click();
  await p.locator('.phase-bar[data-seat=armenia]').waitFor({ timeout: 20_000 });
}

describe('resume your match', () => {
  it('in a second tab, and after the browser restarts', async () => {
    const errors: string[] = [];
    const ctx = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const first = await ctx.newPage();
    watch(first, errors);
    await first.goto(server.url);
    await first.getByLabel('Your name').fill('Ani');
    await first.locator('option[value=august-2022]').waitFor({ state: 'attached' });
    await first.getByRole('button', { name: 'Play now' }).click();
    await first.getByTestId('notice-continue').click();
    await first.getByTestId('briefing-ready').click();
    await first.locator('.phase-bar[data-seat=armenia]').waitFor({ timeout: 20_000 });

    // A second tab: the home page offers the match; taking it there moves the seat.
    const second = await ctx.newPage();
    watch(second, errors);
    await resume(second);
    await first.locator('.banner-closed').waitFor({ timeout: 10_000 });
    // The first tab stays out: a while later the second still holds the seat, alone.
    await second.waitForTimeout(2500);
    expect(await second.locator('.banner-closed').count()).toBe(0);
    expect(await second.locator('.banner-reconnecting').count()).toBe(0);
    await second.getByTestId('done').click();
    await second.locator('.toast[data-status=accepted]').last().waitFor({ timeout: 10_000 });

    // The browser closes and opens again with what it kept: the match is still offered.
    const kept = await ctx.storageState();
    await ctx.close();
    const again = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 }, storageState: kept });
    const page = await again.newPage();
    watch(page, errors);
    await resume(page);
    expect(await page.locator('.phase-bar').getAttribute('data-seat')).toBe('armenia');
    expect(errors).toEqual([]);
    await again.close();
  });
});
