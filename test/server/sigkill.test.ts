// A server killed with SIGKILL mid-round loses nothing it acknowledged: restart on the same
// database, read the record back over HTTP, and carry on playing.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/nodeFlags.js';
import { api, createMatch, ok, Player, TEST_PORT, type TestServer } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'parity-kill-'));
const url = `http://127.0.0.1:${TEST_PORT}`;
let child: ChildProcess | null = null;

async function boot(): Promise<ChildProcess> {
  const p = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(TEST_PORT), HOST: '127.0.0.1', PARITY_DB: join(dir, 'parity.db') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  p.stderr!.on('data', (d) => (err += d));
  for (let i = 0; i < 200; i++) {
    if (p.exitCode !== null) throw new Error(`server exited: ${err}`);
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (up) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start: ${err}`);
}

function kill9(p: ChildProcess): Promise<void> {
  return new Promise((r) => {
    p.once('exit', () => r());
    p.kill('SIGKILL');
  });
}

afterAll(async () => {
  if (child && child.exitCode === null) await kill9(child);
  rmSync(dir, { recursive: true, force: true });
});

describe('SIGKILL', () => {
  it('keeps every acknowledged action, event, round and chat message', async () => {
    child = await boot();
    const t = { url } as TestServer;
    const m = await createMatch(url, { seed: 9, seats: { russia: 'bot', eu: 'bot' }, timers: { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 } });
    const arm = await Player.join(t, m.code, 'armenia', 'A');
    const aze = await Player.join(t, m.code, 'azerbaijan', 'B');
    arm.room.reconnection.enabled = false;
    aze.room.reconnection.enabled = false;
    ok(await arm.act({ type: 'done' }));
    ok(await aze.act({ type: 'done' }));
    await arm.until(() => arm.view.phase === 'planning', 2000, 'planning');
    ok(await arm.act({ type: 'plan', procure: [{ item: 'arm-anti-drone', qty: 1 }], reform: 0, diplomacy: 1, prepareEscalation: null }));
    ok(await arm.send('chat', { channel: 'armenia-russia', text: 'acknowledged before the crash' }));
    const before = { events: arm.view.events.length, round: arm.view.round, phase: arm.view.phase };

    await kill9(child); // mid-round, no warning
    child = await boot();

    const rec = await api(url, `/api/matches/${m.matchId}`, { token: m.facilitatorToken });
    expect(rec.status).toBe(200);
    expect(rec.body.phase).toBe('planning');
    const actions = rec.body.log.map((e: any) => e.entry).filter((e: any) => e.kind === 'action');
    expect(actions).toContainEqual({ kind: 'action', seat: 'armenia', action: { type: 'plan', procure: [{ item: 'arm-anti-drone', qty: 1 }], reform: 0, diplomacy: 1, prepareEscalation: null } });
    expect(rec.body.chat.map((c: any) => c.text)).toContain('acknowledged before the crash');
    expect(rec.body.participants.map((p: any) => p.seat).sort()).toEqual(['armenia', 'azerbaijan']);
    expect(rec.body.rounds.length).toBeGreaterThanOrEqual(1);
    const debrief = await api(url, `/api/matches/${m.matchId}/debrief`, { token: m.facilitatorToken });
    expect(debrief.body.timeline.length).toBeGreaterThanOrEqual(before.events);

    // The match comes back where it was: same phase, the plan in Armenia's view, the chat history.
    const again = await Player.join(t, m.code, 'armenia', 'A');
    expect(again.view.round).toBe(before.round);
    expect(again.view.phase).toBe(before.phase);
    expect((again.view.parties.armenia as any).plan.procure).toEqual([{ item: 'arm-anti-drone', qty: 1 }]);
    const history = again.messages.find((x) => x.type === 'chatHistory')!.payload;
    expect(history.map((c: any) => c.text)).toContain('acknowledged before the crash');
    ok(await again.act({ type: 'done' }));
    await again.leave();
  });

  it('shuts down cleanly on SIGTERM: clients told, process exits 0', async () => {
    if (child && child.exitCode === null) await kill9(child);
    child = await boot();
    const m = await createMatch(url, { seed: 4 });
    const arm = await Player.join({ url } as TestServer, m.code, 'armenia', 'A');
    arm.room.reconnection.enabled = false;
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    await arm.until(() => arm.messages.some((x) => x.type === 'notice' && x.payload.key === 'server.shutdown'), 5000, 'shutdown notice');
    expect(await exited).toBe(0);
    // The database was closed cleanly: a new server opens it and finds the match.
    child = await boot();
    expect((await api(url, `/api/join/${m.code}`)).status).toBe(200);
  });
});
