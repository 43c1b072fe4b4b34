// `npm run bench:client`: build the client, size what the lobby loads and the whole bundle (raw
// and gzip), and time the lobby until interactive in headless Chromium from localhost.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildClient, launchChromium, ROOT, startServer } from '../test/e2e/helpers.js';

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
const median = Math.round(times[Math.floor(times.length / 2)]);
console.log(`lobby interactive over ${RUNS} cold loads: median ${median} ms (min ${Math.round(times[0])}, max ${Math.round(times[times.length - 1])})`);
console.log(`client: lobby=${Math.round(kb(lobby.gzip))} KB all=${Math.round(kb(all.gzip))} KB interactive=${median} ms`);
