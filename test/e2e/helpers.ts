// Real server + real Chromium for browser tests: a free port, a temp database, the built client.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/chromium.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export function buildClient(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'parity-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PARITY_DB: join(dir, 'parity.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `extraArgs`, e.g. `--lang=hy`: the browser's own language. */
export async function launchChromium(extraArgs: string[] = []): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: findChromium() ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-quic', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
  return {
    browser,
    close: async () => {
      // chromium.launch gives each run a fresh temporary profile of its own.
      await browser.close();
    },
  };
}

/** A phone as the tests and the bench take it: 390×844, touch, mobile viewport. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 } as const;

/**
 * From the home page, "Play now" as Armenia through the content note and the briefing until the
 * map is drawn: returns the milliseconds from the tap on "Play now" to the first bake of the map.
 */
export async function playNowToMap(page: Page, tap = false): Promise<number> {
  const press = (l: Locator) => (tap ? l.tap() : l.click());
  await page.getByLabel('Your name').fill('Ani');
  const start = await page.evaluate(() => performance.now());
  await press(page.getByRole('button', { name: 'Play now', exact: true }));
  await press(page.getByTestId('notice-continue'));
  await press(page.getByTestId('briefing-ready'));
  await page.locator('[data-testid=map][data-bakes]').waitFor({ timeout: 60_000 });
  return (await page.evaluate(() => performance.now())) - start;
}

/**
 * Ends the page's play-now match as its facilitator would (the page keeps the facilitator key of
 * a match it created): a quick way to the debrief for tests that look at it.
 */
export async function endMatchFromOutside(serverUrl: string, page: Page): Promise<void> {
  const { Client } = await import('@colyseus/sdk');
  const { code, matchId, token } = await page.evaluate(() => {
    const s = JSON.parse(sessionStorage.getItem('parity.session') ?? '{}') as { code: string; matchId: string };
    const tokens = JSON.parse(localStorage.getItem('parity.tokens') ?? '{}') as Record<string, string>;
    return { code: s.code, matchId: s.matchId, token: tokens[s.matchId] };
  });
  if (!token) throw new Error(`no facilitator key kept for ${matchId}`);
  const info = (await (await fetch(`${serverUrl}/api/join/${code}`)).json()) as { roomId: string };
  const room = await new Client(serverUrl).joinById(info.roomId, { seat: 'facilitator', name: 'Test', token });
  await new Promise<void>((resolve, reject) => {
    room.onMessage('*', (type, payload: { ref?: number; ok?: boolean }) => {
      if (payload?.ref === 1 && (type === 'accepted' || type === 'refused')) (type === 'accepted' ? resolve() : reject(new Error(JSON.stringify(payload))));
    });
    room.send('action', { type: 'endMatch', ref: 1 });
  });
  await room.leave();
}

// Moving a match on from the browser: "Done" on each player's page.
export interface Shown {
  phase: string;
  round: number;
}

/** The phase and round a page's phase bar shows, read in one step. */
export function shownPhase(p: Page): Promise<Shown> {
  return p.locator('.phase-bar').evaluate((bar) => ({ phase: bar.getAttribute('data-phase') ?? '', round: Number(bar.getAttribute('data-round')) }));
}

export async function closeReport(p: Page): Promise<void> {
  const btn = p.getByTestId('close-report');
  if (await btn.isVisible().catch(() => false)) await btn.click();
}

/**
 * Press "Done" if the page still shows `at` and the seat is not done yet. The check and the press
 * are one step in the page: a phase that ended by itself meanwhile (the briefings' "ready", a timer)
 * must not have its successor ended too, which a read followed by a separate click could do.
 */
export function pressDone(p: Page, at: Shown): Promise<boolean> {
  return p.evaluate(({ phase, round }) => {
    const bar = document.querySelector('.phase-bar');
    const done = document.querySelector<HTMLButtonElement>('[data-testid=done]');
    if (!bar || !done || done.disabled || bar.getAttribute('data-phase') !== phase || Number(bar.getAttribute('data-round')) !== round) return false;
    done.click();
    return true;
  }, at);
}

/** Wait until the page shows another phase or round than `at`. */
export async function leftPhase(p: Page, at: Shown, timeout = 30_000): Promise<void> {
  await p.waitForFunction(
    ({ phase, round }) => {
      const bar = document.querySelector('.phase-bar');
      return !bar || bar.getAttribute('data-phase') !== phase || Number(bar.getAttribute('data-round')) !== round;
    },
    at,
    { timeout },
  );
}

/** Everyone presses "Done" on the phase the first page shows; wait until every page has left it. Returns the phase now shown. */
export async function everyoneDone(pages: Page[], at?: Shown): Promise<string> {
  const from = at ?? (await shownPhase(pages[0]));
  for (const p of pages) {
    await closeReport(p);
    await pressDone(p, from);
  }
  for (const p of pages) await leftPhase(p, from);
  return (await shownPhase(pages[0])).phase;
}

/** Press on until the first page shows `phase`, at most `limit` phases on (else it throws). */
export async function untilPhase(pages: Page[], phase: string, limit = 14): Promise<void> {
  for (let i = 0; i <= limit; i++) {
    const at = await shownPhase(pages[0]);
    if (at.phase === phase) return;
    if (i < limit) await everyoneDone(pages, at);
    else throw new Error(`${phase} not reached in ${limit} phases: the page shows ${at.phase} of round ${at.round}`);
  }
}
