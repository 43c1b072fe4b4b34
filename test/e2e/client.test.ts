// Three players in real Chromium against the real server: Armenia, Azerbaijan and the EU, with a
// bot as Russia. Create and join by code, brief, plan, demand, refuse, escalate, reload, settle.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, closeReport, everyoneDone, launchChromium, ROOT, startServer, untilPhase, type RunningServer } from './helpers.js';

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

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `e2e-${name}.png`) });

async function newPlayer(): Promise<Page> {
  const ctx = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  await page.goto(server.url);
  return page;
}

const phaseOf = (p: Page) => p.locator('.phase-bar').getAttribute('data-phase');
const roundOf = async (p: Page) => Number(await p.locator('.phase-bar').getAttribute('data-round'));

async function tab(p: Page, name: string) {
  await closeReport(p);
  await p.locator(`[data-tab=${name}]`).click();
}

/** The map canvas holds a drawing: many distinct colours, not one flat fill. */
async function mapColours(p: Page): Promise<number> {
  return p.evaluate(() => {
    const gl = document.querySelector('[data-testid=map] canvas') as HTMLCanvasElement | null;
    if (!gl) return 0;
    const c = document.createElement('canvas');
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  });
}

async function acceptedToast(p: Page) {
  await p.locator('.toast[data-status=accepted]').last().waitFor({ timeout: 10_000 });
}

describe('three players in the browser', () => {
  it('plays from the join code to the debrief', async () => {
    // Armenia creates the match; the others join by its code.
    const arm = await newPlayer();
    await shot(arm, '01-home');
    await arm.getByLabel('Your name').fill('Ani');
    await arm.locator('option[value=august-2022]').waitFor({ state: 'attached' });
    await arm.getByLabel('You will be').selectOption('armenia');
    await arm.getByRole('button', { name: 'Create match' }).click();
    const code = (await arm.getByTestId('join-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    const join = async (name: string, seat: string) => {
      const p = await newPlayer();
      await p.getByLabel('Your name').fill(name);
      await p.getByLabel('Join code').fill(code.toLowerCase());
      await p.getByRole('button', { name: 'Join', exact: true }).click();
      await p.getByRole('button', { name: `Take the seat of ${seat}` }).click();
      await p.getByTestId('to-briefing').waitFor();
      return p;
    };
    const aze = await join('Elnur', 'Azerbaijan');
    const eu = await join('Claire', 'European Union');
    await arm.waitForSelector('[data-seat=eu] .members li');
    await shot(arm, '02-lobby');
    const all = [arm, aze, eu];

    // Briefings: content note and simulation notice first, then the seat's briefing.
    for (const p of all) {
      await p.getByTestId('to-briefing').click();
      await p.getByTestId('notice-continue').click();
    }
    await shot(aze, '03-briefing-azerbaijan');
    for (const p of all) await p.getByTestId('briefing-ready').click();
    await arm.locator('[data-testid=map] canvas').waitFor();
    await untilPhase(all, 'planning');
    await arm.waitForTimeout(800);
    expect(await mapColours(arm)).toBeGreaterThan(12);

    // Planning: Armenia buys drones; Azerbaijan prepares an escalation.
    await tab(arm, 'plan');
    await arm.locator('[data-item=arm-local-drones] button[aria-label^="One more"]').click();
    await arm.getByTestId('submit-plan').click();
    await acceptedToast(arm);
    await tab(aze, 'plan');
    await aze.getByLabel('Where to prepare an escalation').selectOption('berdzor');
    await aze.getByTestId('submit-plan').click();
    await acceptedToast(aze);
    await shot(arm, '04-planning-armenia');

    // Demands: Azerbaijan issues one; Armenia sees an honest preview and refuses.
    await untilPhase(all, 'demands');
    await tab(aze, 'demands');
    const choice = await aze.getByTestId('demand-select').locator('option:not([disabled])').first().getAttribute('value');
    await aze.getByTestId('demand-select').selectOption(choice!);
    await aze.getByTestId('issue-demand').click();
    await acceptedToast(aze);
    await untilPhase(all, 'negotiation');
    await tab(arm, 'demands');
    const risk = await arm.getByTestId('refuse-risk').first().textContent();
    expect(risk).toMatch(/\d+–\d+%/);
    await shot(arm, '05-demand-preview-armenia');
    const supportBefore = await arm.getByTestId('support-armenia').textContent();
    await arm.getByTestId('refuse').first().click();
    await acceptedToast(arm);

    // The map is drawn again only when what it shows changes: not for chat, not for hovering.
    const bakes = () => arm.getByTestId('map').getAttribute('data-bakes').then(Number);
    const bakesBefore = await bakes();
    expect(bakesBefore).toBeGreaterThan(0);
    const box = (await arm.locator('[data-testid=map] canvas').boundingBox())!;
    await arm.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
    await arm.locator('.map-detail strong').first().waitFor();

    // Chat on the public table, as plain text.
    await tab(eu, 'chat');
    await eu.getByPlaceholder(/Message to/).fill('<b>Talks in Brussels?</b>');
    await eu.getByRole('button', { name: 'Send' }).click();
    await tab(arm, 'chat');
    await arm.getByTestId('chat-log').getByText('<b>Talks in Brussels?</b>').waitFor();
    expect(await bakes()).toBe(bakesBefore);

    // Response: Azerbaijan presses by force; resolution shows the escalation.
    await untilPhase(all, 'response');
    await tab(aze, 'demands');
    await aze.getByRole('button', { name: 'Press by force' }).first().click();
    await acceptedToast(aze);
    await everyoneDone(all); // → resolution
    await arm.getByTestId('round-report').waitFor({ state: 'visible' });
    const report = await arm.getByTestId('round-report').textContent();
    expect(report).toMatch(/escalates in/);
    await expect.poll(bakes).toBeGreaterThan(bakesBefore);
    await arm.waitForTimeout(600); // mid-animation
    await shot(arm, '06-round-report-armenia');
    await closeReport(arm);
    await shot(arm, '07-map-after-escalation');
    expect(await arm.getByTestId('ticker').textContent()).toBeTruthy();
    expect(await arm.getByTestId('support-armenia').textContent()).not.toBe(supportBefore);
    expect(await mapColours(arm)).toBeGreaterThan(12);

    // Round 2: Armenia reloads mid-round and gets its seat back.
    await untilPhase(all, 'planning');
    expect(await roundOf(arm)).toBe(2);
    await arm.reload();
    await arm.locator('.phase-bar[data-seat=armenia]').waitFor({ timeout: 20_000 });
    expect(await phaseOf(arm)).toBe('planning');
    await arm.locator('[data-testid=map] canvas').waitFor();

    // Negotiation: the EU proposes a package; both parties sign it.
    await untilPhase(all, 'negotiation');
    await tab(eu, 'treaty');
    await eu.locator('.composer summary').click();
    for (const id of ['border-commission', 'detainees', 'missing-persons']) await eu.locator(`[data-clause=${id}]`).check();
    await eu.getByRole('button', { name: 'Put on the table' }).click();
    await acceptedToast(eu);
    await shot(eu, '08-treaty-eu');
    for (const p of [arm, aze]) {
      await tab(p, 'treaty');
      await p.getByRole('button', { name: 'Sign' }).first().click();
    }
    for (const p of all) await p.locator('.debrief').waitFor({ timeout: 20_000 });
    await arm.locator('.score').first().waitFor({ timeout: 20_000 });
    await arm.locator('.chart canvas').first().waitFor();
    expect(await arm.locator('.score li').count()).toBeGreaterThan(2);
    await shot(arm, '09-debrief-armenia');
    await arm.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await shot(arm, '10-debrief-charts');
  });
});
