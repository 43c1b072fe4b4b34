// What a page takes over the wire, read from Chromium's own network events (CDP): bytes received
// per request (headers and body as sent, so compressed), whether a response came from the cache,
// and the websocket's frames. Used by the phone test and `npm run bench:client`.
import type { CDPSession, Page } from 'playwright-core';

export interface Fetched {
  url: string;
  status: number;
  /** Bytes received for it: 0 when the browser's cache answered. */
  bytes: number;
  fromCache: boolean;
}

/** DevTools' "Slow 4G" preset (formerly "Fast 3G"): about 1.6 Mbit/s down, 0.75 up, 562.5 ms of latency. */
export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };

export interface Wire {
  cdp: CDPSession;
  /** Everything fetched since `from` (a count of `all()` taken earlier). */
  since(from: number): Fetched[];
  all(): Fetched[];
  /** Bytes of websocket frames received so far. */
  socketBytes(): number;
  throttle(conditions: typeof SLOW_4G): Promise<void>;
}

export async function watchWire(page: Page): Promise<Wire> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map<string, Fetched>();
  const order: Fetched[] = [];
  let socket = 0;
  const servedFromCache = new Set<string>();
  // The status on the wire: a revalidated page is reported 200 (the cache's copy) but came back 304.
  const wireStatus = new Map<string, number>();
  cdp.on('Network.requestServedFromCache', (e) => servedFromCache.add(e.requestId));
  cdp.on('Network.responseReceivedExtraInfo', (e) => wireStatus.set(e.requestId, e.statusCode));
  cdp.on('Network.responseReceived', (e) => {
    const r = e.response;
    const f: Fetched = { url: r.url, status: r.status, bytes: 0, fromCache: servedFromCache.has(e.requestId) || !!(r.fromDiskCache || r.fromPrefetchCache || r.fromServiceWorker) };
    byId.set(e.requestId, f);
    order.push(f);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const f = byId.get(e.requestId);
    if (!f) return;
    f.bytes = f.fromCache ? 0 : e.encodedDataLength;
    f.status = wireStatus.get(e.requestId) ?? f.status;
  });
  cdp.on('Network.webSocketFrameReceived', (e) => {
    // Binary frames arrive base64-encoded.
    const p = e.response.payloadData;
    socket += e.response.opcode === 2 ? Math.floor((p.length * 3) / 4) : p.length;
  });
  return {
    cdp,
    since: (from) => order.slice(from),
    all: () => [...order],
    socketBytes: () => socket,
    throttle: async (c) => {
      await cdp.send('Network.emulateNetworkConditions', c);
    },
  };
}

export const totalBytes = (list: readonly Fetched[]): number => list.reduce((s, f) => s + f.bytes, 0);

/** What a second visit fetched from the network: everything but the cache's answers, the API and the match's reconnection. */
export const fetchedAgain = (list: readonly Fetched[]): Fetched[] =>
  list.filter((f) => {
    const path = new URL(f.url).pathname;
    return !f.fromCache && !path.startsWith('/api/') && !path.startsWith('/matchmake/') && f.url.startsWith('http');
  });
