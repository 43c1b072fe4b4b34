// A class session in real Chromium against the real server: the facilitator creates two rooms, six
// players join from the join sheet's links, the facilitator pauses a room, injects an event into
// both, swaps a seat to a bot, forks a room from round 1 and ends the session; the class debrief
// shows every room and the CSV export parses with one row per room and round.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient, launchChromium, ROOT, startServer, type RunningServer } from './helpers.js';

const SHOTS = join(ROOT, 'test-results');
let server: RunningServer;
let chrome: Awaited<ReturnType<typeof launchChromium>>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  buildClient();
  server = await startServer();
  chrome = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await chrome?.close();
  await server?.stop();
});

const shot = (p: Page, name: string, fullPage = false) => p.screenshot({ path: join(SHOTS, `fac-${name}.png`), fullPage });

async function newPage(viewport = { width: 1280, height: 720 }): Promise<Page> {
  const ctx = await chrome.browser.newContext({ viewport, acceptDownloads: true });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  return page;
}

/** RFC 4180 with a byte-order mark, as the server writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe('a class session run from the facilitator console', () => {
  it('creates two rooms, seats six players, pauses, injects, swaps, forks, ends and exports', async () => {
    const started = Date.now();
    const fac = await newPage();
    await fac.goto(`${server.url}/facilitate`);
    await fac.getByLabel('Session name').fill('Year 12 · Tuesday');
    await fac.locator('option[value=august-2022]').waitFor({ state: 'attached' });
    await fac.getByLabel('Scenario to play').selectOption('august-2022');
    await fac.getByLabel('Rooms', { exact: true }).fill('2');
    await fac.getByTestId('seat-russia-bot').check();
    // Long phases: nothing moves by itself; the test moves phases through the API.
    for (const input of await fac.locator('.fac-timers input').all()) await input.fill('20');
    await fac.getByLabel('Pauses allowed').fill('2');
    await fac.locator('.fac-create').getByLabel('Facilitator passphrase').fill('correct horse battery');

    // An uploaded scenario that is not valid is refused with the server's precise errors.
    await fac.getByLabel('Or upload a scenario file (.json)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "broken", "rounds": 0}') });
    const refused = fac.getByTestId('upload-errors');
    await refused.waitFor();
    expect(await refused.locator('li').count()).toBeGreaterThan(2);
    expect(await refused.textContent()).toMatch(/rounds/);
    await shot(fac, '01-create');
    await fac.evaluate(() => window.scrollTo(0, 0));
    await shot(fac, '01-create-top');
    await fac.getByRole('button', { name: 'Create the session (2 rooms)' }).click();

    // The join sheet: per room a code, and a QR code for each seat people play (not the bot's).
    await fac.getByTestId('sheet-code').nth(1).waitFor();
    const sessionId = new URL(fac.url()).pathname.split('/')[2];
    expect(await fac.locator('.fac-sheet-room').count()).toBe(2);
    expect(await fac.locator('svg.qr').count()).toBe(6);
    expect(await fac.locator('[data-seat=russia] svg.qr').count()).toBe(0);
    await shot(fac, '02-join-sheet');
    await fac.emulateMedia({ media: 'print' });
    await shot(fac, '03-join-sheet-print', true);
    await fac.emulateMedia({ media: 'screen' });
    const links = await fac.getByTestId('seat-link').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(6);
    const codes = await fac.getByTestId('sheet-code').allTextContents();

    // Six players open their seat's link: the code and the seat are filled in; they join and get ready.
    const names = ['Ani', 'Elnur', 'Claire', 'Hayk', 'Leyla', 'Marta'];
    const players = await Promise.all(
      links.map(async (link, i) => {
        const p = await newPage({ width: 1024, height: 640 });
        await p.goto(link);
        expect(await p.getByLabel('Join code').inputValue()).toBe(codes[i < 3 ? 0 : 1]);
        await p.getByLabel('Your name').fill(names[i]);
        await p.getByRole('button', { name: /^Join as / }).click();
        await p.getByTestId('to-briefing').click();
        await p.getByTestId('notice-continue').click();
        await p.getByTestId('briefing-ready').click();
        return p;
      }),
    );
    await players[0].locator('.phase-bar[data-phase=planning]').waitFor({ timeout: 30_000 });
    await shot(players[0], '04-player-joined-from-link');

    // The overview: every room on one screen, who is connected, which seats are bots.
    await fac.getByRole('link', { name: 'Rooms' }).click();
    const card = (n: number) => fac.locator('.fac-room').nth(n);
    for (const [n, who] of [[0, names.slice(0, 3)], [1, names.slice(3)]] as const)
      for (const name of who) await card(n).locator('.fac-people .on', { hasText: name }).waitFor({ timeout: 10_000 });
    await card(1).locator('[data-phase=planning]').waitFor({ timeout: 10_000 });
    expect(await card(0).locator('[data-seat=russia] [data-testid=controller]').textContent()).toBe('bot');
    await shot(fac, '05-overview');

    // A refresh keeps the console (the token stays in this browser); another device opens it with the passphrase.
    await fac.reload();
    await card(0).waitFor();
    const other = await newPage();
    await other.goto(`${server.url}/facilitate/${sessionId}`);
    await other.getByLabel('Facilitator passphrase').fill('wrong passphrase');
    await other.getByRole('button', { name: 'Open' }).click();
    await other.getByRole('alert').filter({ hasText: 'That passphrase is not right.' }).waitFor();
    await other.getByLabel('Facilitator passphrase').fill('correct horse battery');
    await other.getByRole('button', { name: 'Open' }).click();
    await other.locator('.fac-room').nth(1).waitFor();
    expect(await other.getByTestId('session-name').textContent()).toContain('Year 12');
    await other.context().close();

    // Pause room 1: its card and its players' clocks say so.
    await card(0).getByTestId('room-pause').click();
    await card(0).locator('[data-testid=left]', { hasText: 'paused' }).waitFor();
    await players[0].locator('.clock.paused').waitFor({ timeout: 10_000 });
    expect(await card(1).getByTestId('left').textContent()).not.toMatch(/paused/);

    // Inject an event from the deck into both rooms; first a custom one that is not valid.
    await fac.getByTestId('all-inject').click();
    await fac.getByTestId('inject-custom').check();
    await fac.getByTestId('inject-headline').fill('Snap election called');
    await fac.locator('[data-effect="support.armenia"]').fill('150');
    await fac.getByTestId('inject-submit').click();
    expect(await fac.getByTestId('inject-errors').textContent()).toMatch(/What happened|text: say what happened/);
    expect(await fac.getByTestId('inject-errors').textContent()).toMatch(/between -100 and 100/);
    await shot(fac, '06-inject-errors');
    await fac.getByLabel('From the scenario\'s deck').check();
    const option = fac.getByTestId('inject-event').locator('option:not([value=""])').filter({ hasNotText: 'only for' }).first();
    const eventId = (await option.getAttribute('value'))!;
    const headline = (await option.textContent())!.trim();
    await fac.getByTestId('inject-event').selectOption(eventId);
    await fac.getByTestId('inject-submit').click();
    await fac.getByTestId('outcome').filter({ hasText: 'Room 2: done' }).waitFor();
    expect(await fac.getByTestId('outcome').textContent()).toContain('Room 1: done');
    for (const p of [players[0], players[3]]) await p.getByTestId('ticker').filter({ hasText: headline.slice(0, 20) }).waitFor({ timeout: 10_000 });

    // Swap Azerbaijan in room 2 to a bot, from the room's page; its channels are readable there.
    await card(1).getByRole('link', { name: 'Room 2' }).click();
    await fac.getByTestId('swap-azerbaijan').click();
    await fac.locator('[data-seat=azerbaijan] [data-testid=controller]', { hasText: 'bot' }).waitFor({ timeout: 10_000 });
    await fac.getByTestId('swap-azerbaijan').filter({ hasText: 'back to people' }).waitFor();
    await fac.getByTestId('broadcast-text').fill('Five minutes left in this phase.');
    await fac.getByRole('button', { name: 'Send' }).click();
    await fac.getByTestId('channel-log').filter({ hasText: 'Five minutes left' }).waitFor({ timeout: 10_000 });
    await shot(fac, '07-room-page-tools');
    await fac.evaluate(() => window.scrollTo(0, 0));
    await shot(fac, '07-room-page');

    // Room 1 is played through round 1 (the API moves phases where the class would talk), then forked.
    const token = await fac.evaluate(() => (JSON.parse(localStorage.getItem('parity.classSessions') ?? '[]') as { token: string }[])[0].token);
    const call = async (path: string, body?: unknown) => {
      const r = await fetch(`${server.url}/api/sessions/${sessionId}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      return (await r.json()) as Record<string, unknown>;
    };
    const rooms = ((await call('')).rooms as { matchId: string }[]).map((r) => r.matchId);
    await call('/control', { op: 'resume', rooms: [rooms[0]] });
    for (let i = 0; i < 10; i++) {
      const live = ((await call('/overview')).rooms as { matchId: string; reported: number }[]).find((r) => r.matchId === rooms[0])!;
      if (live.reported >= 1) break;
      await call('/control', { op: 'advance', rooms: [rooms[0]] });
    }
    await fac.getByRole('link', { name: 'Rooms', exact: true }).click();
    await card(0).getByRole('link', { name: 'Room 1' }).click();
    await fac.getByTestId('fork-round').locator('option[value="1"]').waitFor({ state: 'attached', timeout: 10_000 });
    await fac.getByTestId('fork-round').selectOption('1');
    await fac.getByTestId('fork').click();
    await fac.locator('.fac-room-head h1', { hasText: 'fork' }).waitFor({ timeout: 15_000 });
    expect(await fac.getByTestId('outcome').textContent()).toMatch(/starts from Room 1 after round 1/);
    await fac.getByTestId('timeline').waitFor();
    await shot(fac, '08-fork');

    // The timeline of room 1 shows the inject, the pause and what each side knew.
    await fac.getByRole('link', { name: 'Rooms', exact: true }).click();
    await card(0).getByRole('link', { name: 'Room 1' }).click();
    const timeline = fac.getByTestId('timeline');
    await timeline.waitFor();
    expect(await timeline.locator('[data-kind=inject]').count()).toBeGreaterThan(0);
    expect(await timeline.textContent()).toContain('Paused');
    await timeline.locator('.fac-knew summary').first().click();
    await fac.evaluate(() => document.querySelector('.fac-timeline-section')?.scrollIntoView());
    await shot(fac, '09-room-timeline');

    // End the session: every room ends; the class debrief shows them side by side.
    await fac.getByRole('link', { name: 'Rooms', exact: true }).click();
    expect(await fac.locator('.fac-room').count()).toBe(3);
    await shot(fac, '10-overview-three-rooms');
    await fac.getByTestId('end-session').click();
    await fac.getByTestId('end-confirm').click();
    await fac.getByTestId('compare').waitFor({ timeout: 20_000 });
    const heads = await fac.locator('.fac-compare thead th').allTextContents();
    expect(heads.map((h) => h.replace(/\s+/g, ' ').trim().split(' ')[0] + ' ' + h.trim().split(/\s+/)[1])).toEqual(['Room 1', 'Room 2', 'Room 1']);
    expect(await fac.getByTestId('ending').count()).toBe(3);
    expect(await fac.getByTestId('ending').first().textContent()).toMatch(/ended by you · round 1/);
    await fac.locator('.chart canvas').first().waitFor();
    expect(await fac.getByTestId('facilitator-log').locator('tbody tr').count()).toBeGreaterThan(4);
    await shot(fac, '11-class-debrief');
    await fac.evaluate(() => document.querySelector('.fac-charts')?.scrollIntoView());
    await fac.waitForTimeout(300);
    await shot(fac, '12-class-debrief-charts');
    await fac.emulateMedia({ media: 'print' });
    await shot(fac, '12-class-debrief-print', true);
    await fac.emulateMedia({ media: 'screen' });
    await players[3].locator('.debrief').waitFor({ timeout: 20_000 });

    // The CSV export: one row per room and round, with the header the protocol names.
    const download = fac.waitForEvent('download');
    await fac.getByTestId('export-meters').click();
    const csv = parseCsv(readFileSync((await (await download).path())!, 'utf8'));
    expect(csv[0].slice(0, 5)).toEqual(['matchId', 'code', 'label', 'round', 'ratio']);
    const debrief = (await call('/debrief')) as { rooms: { matchId: string; rounds: unknown[] }[] };
    expect(debrief.rooms).toHaveLength(3);
    const body = csv.slice(1);
    expect(body.length).toBe(debrief.rooms.reduce((n, r) => n + r.rounds.length, 0));
    for (const r of debrief.rooms) expect(body.filter((row) => row[0] === r.matchId)).toHaveLength(r.rounds.length);
    expect(body.every((row) => row.length === csv[0].length && Number.isFinite(Number(row[4])))).toBe(true);

    const decisions = fac.waitForEvent('download');
    await fac.getByTestId('export-decisions').click();
    const dec = parseCsv(readFileSync((await (await decisions).path())!, 'utf8'));
    const action = dec[0].indexOf('action');
    expect(dec.slice(1).some((row) => row[action] === 'injectEvent')).toBe(true);
    // A typical class: five rooms on one projected screen at 1280×720 (created through the API).
    const five = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Five rooms', scenario: 'august-2022', rooms: 5, seats: { russia: 'bot' } }),
    }).then((r) => r.json() as Promise<{ sessionId: string; facilitatorToken: string }>);
    await fac.evaluate((s) => {
      const all = JSON.parse(localStorage.getItem('parity.classSessions') ?? '[]') as unknown[];
      localStorage.setItem('parity.classSessions', JSON.stringify([{ id: s.sessionId, name: 'Five rooms', token: s.facilitatorToken, createdAt: Date.now() }, ...all]));
    }, five);
    await fac.goto(`${server.url}/facilitate/${five.sessionId}`);
    await fac.locator('.fac-room').nth(4).waitFor();
    const last = await fac.locator('.fac-room').nth(4).boundingBox();
    await shot(fac, '13-overview-five-rooms');
    expect(last!.y + last!.height).toBeLessThanOrEqual(720);
    console.log(`facilitator e2e: ${Math.round((Date.now() - started) / 1000)} s in the browser`);
  });
});
