// `npm run bench:client`: build the client, size what the lobby loads and the whole bundle (raw
// and gzip); in headless Chromium from localhost: the bytes over the wire for the home page and
// the play screen on a phone, what a second visit fetches, the time from "Play now" to the map
// drawn under DevTools' Slow 4G throttling, the lobby until interactive, the map's frame rate.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildClient, launchChromium, PHONE, playNowToMap, ROOT, startServer } from '../test/e2e/helpers.js';
import { fetchedAgain, SLOW_4G, totalBytes, watchWire } from '../test/e2e/wire.js';

const DIST = join(ROOT, 'dist', 'client');
const RUNS = 7;

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
const sizeOf = (file: string) => {
  const buf = readFileSync(join(DIST, file));
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};

buildClient();

// The lobby's JavaScript: the entry script and every module it preloads (static imports).
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const lobbyFiles = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
const allFiles = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const sum = (files: string[]) => files.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
const lobby = sum(lobbyFiles);
const all = sum(allFiles);

console.log('lobby JavaScript:');
for (const f of lobbyFiles) console.log(`  ${f.padEnd(44)} ${String(kb(sizeOf(f).raw)).padStart(8)} KB raw ${String(kb(sizeOf(f).gzip)).padStart(7)} KB gzip`);
console.log(`  total${' '.repeat(39)} ${String(kb(lobby.raw)).padStart(8)} KB raw ${String(kb(lobby.gzip)).padStart(7)} KB gzip`);
console.log('loaded later (by the match or the debrief):');
for (const f of allFiles.filter((x) => !lobbyFiles.includes(x)).sort((a, b) => statSync(join(DIST, b)).size - statSync(join(DIST, a)).size))
  console.log(`  ${f.padEnd(44)} ${String(kb(sizeOf(f).raw)).padStart(8)} KB raw ${String(kb(sizeOf(f).gzip)).padStart(7)} KB gzip`);
console.log(`whole bundle: ${kb(all.raw)} KB raw, ${kb(all.gzip)} KB gzip`);

/**
 * On a phone, cold: the home page's bytes over the wire, the play screen's (from "Play now" until
 * the map is drawn, and a little after), and what a second visit to home fetches from the network.
 */
async function phoneWire() {
  const srv = await startServer();
  const browser = await launchChromium();
  try {
    const ctx = await browser.browser.newContext(PHONE);
    const page = await ctx.newPage();
    const wire = await watchWire(page);
    await page.goto(srv.url, { waitUntil: 'networkidle' });
    const home = wire.all();
    const mark = home.length;
    await playNowToMap(page);
    await page.waitForLoadState('networkidle');
    const play = wire.since(mark);
    const socket = wire.socketBytes();
    // A second visit, in the same browser: only index.html may come from the network (revalidated).
    const again = wire.all().length;
    await page.goto(srv.url, { waitUntil: 'networkidle' });
    const second = fetchedAgain(wire.since(again));
    await ctx.close();
    return { home: totalBytes(home), homeFiles: home.length, play: totalBytes(play), playFiles: play.length, socket, second };
  } finally {
    await browser.close();
    await srv.stop();
  }
}

/** Slow 4G, cold cache, on a phone: the home page until interactive, then "Play now" until the map is drawn. */
async function slow4g(runs: number) {
  const srv = await startServer();
  const browser = await launchChromium();
  const home: number[] = [];
  const play: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.browser.newContext(PHONE);
      const page = await ctx.newPage();
      const wire = await watchWire(page);
      await wire.throttle(SLOW_4G);
      await page.goto(srv.url, { waitUntil: 'commit' });
      await page.getByRole('button', { name: 'Play now', exact: true }).waitFor();
      home.push(await page.evaluate(() => performance.now()));
      play.push(await playNowToMap(page));
      await ctx.close();
    }
  } finally {
    await browser.close();
    await srv.stop();
  }
  const med = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  return { home: med(home), play: med(play), playAll: play.map(Math.round) };
}

const w = await phoneWire();
console.log(`over the wire on a phone (390×844), cold: home ${kb(w.home)} KB in ${w.homeFiles} responses; play screen (Play now → map) ${kb(w.play)} KB in ${w.playFiles} responses, plus ${kb(w.socket)} KB of websocket frames`);
console.log(`second visit to home fetched from the network: ${w.second.map((f) => `${new URL(f.url).pathname} (${f.status})`).join(', ') || 'nothing'}`);
const slow = await slow4g(3);
console.log(`Slow 4G (1.6 Mbit/s, 562.5 ms latency), cold: home interactive ${slow.home} ms; Play now → map drawn median ${slow.play} ms (runs ${slow.playAll.join(', ')} ms)`);

const server = await startServer();
const chrome = await launchChromium();
const times: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const ctx = await chrome.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    // Interactive: the join-code field is rendered, enabled and accepts input.
    const code = page.getByLabel('Join code');
    await code.waitFor();
    await code.fill('ABC');
    times.push(await page.evaluate(() => performance.now()));
    await ctx.close();
  }
} finally {
  await chrome.close();
  await server.stop();
}
times.sort((a, b) => a - b);

/**
 * Frames per second of the map while an escalation is animated: Armenia (the browser) refuses a
 * hawkish bot's demand; frame times are taken with requestAnimationFrame over the animation's 2.6 s.
 */
async function escalationFrames(): Promise<number[]> {
  const srv = await startServer();
  const browser = await launchChromium();
  try {
    const long = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };
    const res = await fetch(`${srv.url}/api/matches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 3, timers: long, seats: { armenia: 'human', azerbaijan: { controller: 'bot', strategy: 'hawk' }, russia: 'bot', eu: 'bot' } }),
    });
    const { code } = (await res.json()) as { code: string };
    const ctx = await browser.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    // tsx keeps function names with a helper the page does not have.
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`${srv.url}/?code=${code}&seat=armenia`);
    await page.getByLabel('Your name').fill('Bench');
    await page.getByRole('button', { name: /^Join/ }).click();
    await page.getByTestId('to-briefing').click();
    await page.getByTestId('notice-continue').click();
    await page.getByTestId('briefing-ready').click();
    await page.locator('[data-testid=map] canvas').waitFor();
    const phase = () => page.locator('.phase-bar').getAttribute('data-phase');
    const done = async () => {
      const before = await phase();
      await page.getByTestId('close-report').click().catch(() => undefined);
      await page.getByTestId('done').click();
      await page.waitForFunction((ph) => document.querySelector('.phase-bar')?.getAttribute('data-phase') !== ph, before);
    };
    while ((await phase()) !== 'negotiation') await done();
    await page.locator('[data-tab=demands]').click();
    await page.getByTestId('refuse').first().click();
    while ((await phase()) !== 'response') await done();
    // Count frames from the moment resolution (and its escalation) reaches the page.
    const counting = page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const watch = () => {
            if (document.querySelector('.phase-bar')?.getAttribute('data-phase') !== 'resolution') return requestAnimationFrame(watch);
            const stamps: number[] = [];
            const start = performance.now();
            const tick = (now: number) => {
              stamps.push(now - start);
              if (now - start < 2600) requestAnimationFrame(tick);
              else resolve(stamps);
            };
            requestAnimationFrame(tick);
          };
          watch();
        }),
    );
    await page.getByTestId('done').click();
    return await counting;
  } finally {
    await browser.close();
    await srv.stop();
  }
}
const stamps = await escalationFrames();
const fps = Math.round((stamps.length * 1000) / stamps[stamps.length - 1]);
const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
console.log(
  `map during an escalation animation: ${fps} frames per second over ${Math.round(stamps[stamps.length - 1])} ms (headless Chromium, no GPU); ` +
    `longest frame ${Math.round(Math.max(...gaps))} ms, ${gaps.filter((g) => g > 25).length} frames over 25 ms`,
);

const median = Math.round(times[Math.floor(times.length / 2)]);
console.log(`lobby interactive over ${RUNS} cold loads: median ${median} ms (min ${Math.round(times[0])}, max ${Math.round(times[times.length - 1])})`);
console.log(
  `client: lobby=${Math.round(kb(lobby.gzip))} KB all=${Math.round(kb(all.gzip))} KB interactive=${median} ms fps=${fps} ` +
    `wire: home=${Math.round(kb(w.home))} KB play=${Math.round(kb(w.play))} KB slow4g-play=${slow.play} ms second-visit=${w.second.length} file(s)`,
);
