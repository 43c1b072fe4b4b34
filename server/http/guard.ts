// In front of every request and WebSocket upgrade, before Colyseus's router and the routes read
// anything: the client's address pinned (address.ts); bodies over the cap answered 413 from their
// Content-Length, without reading them; browsers of other origins refused; Colyseus's matchmaking
// only joins a room by its id or reconnects, at a rate per address.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode, matchMaker } from '@colyseus/core';
import { pinAddress } from './address.js';
import { AddressBuckets, type Limits } from './limits.js';

export interface GuardOptions {
  limits: Limits;
  /** Proxies in front of the server whose X-Forwarded-For is believed (PARITY_TRUST_PROXY); 0: none. */
  trustProxy: number;
  /** Origins besides the server's own whose pages may call it (PARITY_ORIGINS). */
  origins: readonly string[];
}

/**
 * The matchmaking a client may use: join a room by its id (found from its code, GET /api/join) and
 * reconnect. `join`, `joinOrCreate` and `create` would put a client without a code in any room.
 */
export const MATCHMAKE_METHODS = ['joinById', 'reconnect'];

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const hostnameOf = (host: string) => host.replace(/:\d+$/, '');

/** Whether a page of `origin` may call this server, reached at `host`: its own origin, one configured, or the dev server beside it on this machine. */
export function originAllowed(origin: string, host: string | null | undefined, origins: readonly string[]): boolean {
  if (origins.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (!host) return false;
  if (url.host === host) return true;
  // `npm run dev`: Vite's page on localhost:5173 calls the game server on localhost:2567.
  return LOOPBACK.has(url.hostname) && LOOPBACK.has(hostnameOf(host));
}

/** The CORS headers of an answer: only for an allowed origin (credentials included); none for others. */
function corsFor(origin: string | null, host: string | null | undefined, origins: readonly string[]): Record<string, string> {
  return origin && originAllowed(origin, host, origins) ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } : { Vary: 'Origin' };
}

interface Refusal {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

const header = (req: IncomingMessage, name: string): string | null => {
  const h = req.headers[name];
  return typeof h === 'string' ? h : null;
};

/** Installs the guard on the server's request and upgrade listeners (call after Colyseus bound its routes). */
export function guardRequests(server: HttpServer, o: GuardOptions): void {
  const { limits, origins } = o;
  matchMaker.controller.exposedMethods = [...MATCHMAKE_METHODS];
  // Colyseus answers every origin with credentials allowed; here only the allowed ones.
  const { ['Access-Control-Allow-Origin']: _any, ['Access-Control-Allow-Credentials']: _cred, ...cors } = matchMaker.controller.DEFAULT_CORS_HEADERS as Record<string, string>;
  (matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string> }).DEFAULT_CORS_HEADERS = cors;
  matchMaker.controller.getCorsHeaders = (headers: Headers) => corsFor(headers.get('origin'), headers.get('host'), origins);
  const matchmake = new AddressBuckets(limits.matchmake);

  const refusal = (req: IncomingMessage, address: string): Refusal | null => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    const origin = header(req, 'origin');
    const reads = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
    const cap = path === '/api/scenarios' ? limits.uploadBytes : limits.bodyBytes;
    const length = header(req, 'content-length');
    if (length !== null && !(Number(length) <= cap)) return { status: 413, body: { error: `body too large: the limit is ${cap} bytes` }, headers: { connection: 'close' } };
    if (!reads) return null;
    if (length === null && req.headers['transfer-encoding']) return { status: 411, body: { error: 'a request body needs its Content-Length' }, headers: { connection: 'close' } };
    if (origin && !originAllowed(origin, header(req, 'host'), origins)) return { status: 403, body: { error: `requests from ${origin.slice(0, 100)} are not allowed (PARITY_ORIGINS)` } };
    if (path.startsWith('/matchmake/')) {
      const call = path.split('/')[2] ?? '';
      // The SDK reads {code, error} from a refused matchmaking request.
      if (!MATCHMAKE_METHODS.includes(call)) return { status: 403, body: { code: ErrorCode.MATCHMAKE_NO_HANDLER, error: `bad_method: a match is joined by its room id (GET /api/join/:code), not with "${call.slice(0, 40)}"` } };
      const wait = matchmake.take(address);
      if (wait !== null) return { status: 429, body: { code: ErrorCode.MATCHMAKE_UNHANDLED, error: `rate_limited: too many joins from this address; try again in ${wait} s` }, headers: { 'retry-after': String(wait) } };
    }
    return null;
  };

  const onRequest = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const no = refusal(req, pinAddress(req, o.trustProxy));
    if (!no) {
      for (const f of onRequest) f.call(server, req, res);
      return;
    }
    res.writeHead(no.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...corsFor(header(req, 'origin'), header(req, 'host'), origins), ...no.headers });
    res.end(JSON.stringify(no.body));
  });

  const onUpgrade = server.listeners('upgrade') as ((req: IncomingMessage, socket: Duplex, head: Buffer) => void)[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    pinAddress(req, o.trustProxy);
    const origin = header(req, 'origin');
    if (origin && !originAllowed(origin, header(req, 'host'), origins)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    for (const f of onUpgrade) f.call(server, req, socket, head);
  });
}
