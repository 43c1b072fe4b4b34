// What a seat's browser receives, byte by byte (issue 11): Armenia joins a class room from its join
// link and plays into round 2 in real Chromium; every HTTP response body and every WebSocket frame
// it received (Chrome's own network log, CDP) is searched for another seat's briefing and
// objectives and for a bot's strategy. Its own briefing must be there: the search sees the frames.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../shared/scenario/schema.js';
import { buildClient, everyoneDone, launchChromium, ROOT, startServer, type RunningServer } from './helpers.js';

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

const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'august-2022.json'), 'utf8')) as Scenario;

/** Everything the page received: response bodies and WebSocket frames, as bytes. */
async function capture(page: Page): Promise<{ received: Buffer[]; data: Buffer[]; urls: string[]; frames: () => number }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable', { maxTotalBufferSize: 200_000_000, maxResourceBufferSize: 50_000_000 });
  const received: Buffer[] = [];
  /** What the server answered or sent as data (not the client's own code): the API and the room. */
  const data: Buffer[] = [];
  const urls: string[] = [];
  const pending = new Map<string, string>();
  let frames = 0;
  cdp.on('Network.responseReceived', (e) => pending.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', async (e) => {
    const url = pending.get(e.requestId);
    if (!url) return;
    try {
      const body = await cdp.send('Network.getResponseBody', { requestId: e.requestId });
      const bytes = Buffer.from(body.body, body.base64Encoded ? 'base64' : 'utf8');
      received.push(bytes);
      if (new URL(url).pathname.startsWith('/api/') || new URL(url).pathname.startsWith('/matchmake/')) data.push(bytes);
      urls.push(url);
    } catch {
      /* a redirect or a preflight has no body */
    }
  });
  cdp.on('Network.webSocketFrameReceived', (e) => {
    frames++;
    // Binary frames (msgpack) come base64-encoded; text frames as they are.
    const bytes = e.response.opcode === 2 ? Buffer.from(e.response.payloadData, 'base64') : Buffer.from(e.response.payloadData, 'utf8');
    received.push(bytes);
    data.push(bytes);
  });
  return { received, data, urls, frames: () => frames };
}

/** Telling pieces of a text: its first words and a stretch of each paragraph (as UTF-8 bytes). */
const pieces = (text: string): string[] =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 30)
    .flatMap((p) => [p.slice(0, 40), p.slice(Math.floor(p.length / 2), Math.floor(p.length / 2) + 40)]);

/** This seat is done with the phase its page shows; wait until the page leaves it. */
const done = (p: Page) => everyoneDone([p]);

describe('what a seat’s browser receives', () => {
  it('holds no other seat’s briefing or objectives, nor a bot’s strategy, over HTTP or WebSocket', async () => {
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Secrets',
        scenario: 'august-2022',
        rooms: 1,
        seats: { azerbaijan: { controller: 'bot', strategy: 'opportunist' }, russia: { controller: 'bot', strategy: 'passive' }, eu: { controller: 'bot', strategy: 'broker' } },
        timers: { news: 600, planning: 600, demands: 600, negotiation: 600, response: 600, resolution: 600, report: 600 },
      }),
    }).then((r) => r.json() as Promise<{ rooms: { code: string; keys: Record<string, string> }[] }>);
    const room = created.rooms[0];

    const ctx = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const net = await capture(page);
    await page.goto(`${server.url}/?code=${room.code}&seat=armenia&key=${room.keys.armenia}`);
    // The key does not stay in the address bar.
    await expect.poll(() => page.url()).not.toContain(room.keys.armenia);
    await page.getByLabel('Your name').fill('Ani');
    await page.getByRole('button', { name: /^Join as / }).click();
    await page.getByTestId('to-briefing').click();
    await page.getByTestId('notice-continue').click();
    await page.locator('.brief-text').waitFor();
    await page.getByTestId('briefing-ready').click();
    // Play into round 2: every phase's views, panels and the round report.
    for (const tab of ['plan', 'demands', 'treaty', 'chat']) {
      await page.locator(`[data-tab=${tab}]`).click().catch(() => undefined);
    }
    for (let i = 0; i < 9 && (await page.locator('.phase-bar').getAttribute('data-round')) === '1'; i++) await done(page);
    expect(await page.locator('.phase-bar').getAttribute('data-round')).toBe('2');
    await page.waitForTimeout(500);

    const all = Buffer.concat(net.received);
    expect(net.frames()).toBeGreaterThan(10);
    expect(net.urls.some((u) => u.includes('/api/scenarios/august-2022'))).toBe(true);
    const has = (s: string) => all.includes(Buffer.from(s, 'utf8'));
    // Its own briefing and objectives arrived (over the WebSocket): the search reads what came.
    for (const piece of pieces(scenario.seats.armenia!.briefing.en)) expect(has(piece), `own briefing: ${piece}`).toBe(true);
    for (const o of scenario.seats.armenia!.objectives) expect(has(o.text.en), `own objective ${o.id}`).toBe(true);
    for (const seat of ['azerbaijan', 'russia', 'eu'] as const) {
      const def = scenario.seats[seat]!;
      for (const piece of pieces(def.briefing.en)) expect(has(piece), `${seat}'s briefing: ${piece}`).toBe(false);
      for (const o of def.objectives) expect(has(o.text.en), `${seat}'s objective ${o.id}: ${o.text.en}`).toBe(false);
    }
    // Event cards only other seats learn of: their words never reach Armenia's browser.
    // The raw file leaves `private` out where it is empty (the schema's default).
    const othersCards = scenario.events.filter((e) => (e.private ?? []).length && !e.private.includes('armenia'));
    expect(othersCards.length).toBeGreaterThan(0);
    for (const c of othersCards) for (const words of [c.headline.en, c.text.en]) expect(has(words), `${c.id}: ${words}`).toBe(false);
    // The bots' strategies are the facilitator's: no strategy as a value, in JSON or msgpack, in
    // what the API and the room sent (React's own code says "passive").
    const sent = Buffer.concat(net.data);
    for (const strategy of ['opportunist', 'passive', 'broker']) {
      expect(sent.includes(Buffer.from(`"${strategy}"`)), strategy).toBe(false);
      expect(sent.includes(Buffer.concat([Buffer.from([0xa0 + strategy.length]), Buffer.from(strategy)])), strategy).toBe(false);
    }
    console.log(`[secrets] scanned ${net.urls.length} HTTP bodies and ${net.frames()} WebSocket frames, ${(all.length / 1024).toFixed(0)} KB`);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
