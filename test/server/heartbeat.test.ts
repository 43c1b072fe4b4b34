// The heartbeat on a real ws server and real sockets, its period shortened: a silent client is
// pinged and kept while it answers, dropped when it does not; a client that keeps talking is
// never pinged, answering or not; one that stops talking and answering is dropped.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startHeartbeat } from '../../server/match/heartbeat.js';

const PERIOD = 300;
let wss: WebSocketServer;
let stop: () => void;
let url: string;
beforeAll(async () => {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(wss, 'listening');
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  stop = startHeartbeat(wss, PERIOD, 2, 3);
});
afterAll(() => {
  stop();
  wss.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client that counts the pings it gets; `autoPong: false` leaves them unanswered. */
async function client(autoPong: boolean) {
  const ws = new WebSocket(url, { autoPong });
  const c = { ws, pings: 0, closed: false };
  ws.on('ping', () => c.pings++);
  ws.on('close', () => (c.closed = true));
  await once(ws, 'open');
  return c;
}

describe('heartbeat', () => {
  it('pings a silent client and keeps it while it answers', async () => {
    const c = await client(true);
    await sleep(PERIOD * 5);
    expect(c.closed).toBe(false);
    expect(c.pings).toBeGreaterThanOrEqual(3);
    c.ws.close();
  });

  it('drops a silent client that does not answer within four periods', async () => {
    const c = await client(false);
    const t0 = Date.now();
    await Promise.race([once(c.ws, 'close'), sleep(PERIOD * 7)]);
    expect(c.closed).toBe(true);
    expect(Date.now() - t0).toBeLessThan(PERIOD * 5);
    expect(c.pings).toBe(2);
  });

  it('does not ping a client that keeps talking, even one that never answers a ping', async () => {
    const c = await client(false);
    const talk = setInterval(() => c.ws.send('x'), PERIOD / 3);
    await sleep(PERIOD * 5);
    clearInterval(talk);
    expect(c.closed).toBe(false);
    expect(c.pings).toBe(0);
    // Then it falls silent, unanswering: dropped, at most a period later than a silent one.
    const t0 = Date.now();
    await Promise.race([once(c.ws, 'close'), sleep(PERIOD * 7)]);
    expect(c.closed).toBe(true);
    expect(Date.now() - t0).toBeLessThan(PERIOD * 5);
    expect(c.pings).toBe(2);
  });
});
