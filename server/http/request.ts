// Small HTTP helpers for the routes: JSON answers, bounded bodies, bearer tokens, queries, and the
// status code of each refusal the domains (match/, class/, store/) give.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../../shared/protocol/index.js';
import { Trouble, type Result } from '../refusal.js';

export type Req = IncomingMessage & { params: Record<string, string>; body?: unknown };
export type Res = ServerResponse;
export type Handler = (req: Req, res: Res) => void | Promise<void>;
export interface App {
  get(path: string, h: Handler): void;
  post(path: string, h: Handler): void;
}

/** A client error with its HTTP status: thrown by a route, answered as `{error, issues?}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
  }
}

/** The status of each refusal a route may pass on. */
const STATUS = {
  bad_request: 400,
  bad_event: 400,
  no_scenario: 400,
  no_match: 404,
  no_room: 404,
  no_free_code: 503,
} as const;

/** A domain's answer: its value, or its refusal thrown as the HttpError of its code. */
export function unwrap<T, C extends keyof typeof STATUS>(r: Result<T, C>): T {
  if (r.ok) return r.value;
  throw new HttpError(STATUS[r.code], r.reason, r.issues);
}

export function sendJson(res: Res, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(JSON.stringify(body));
}

export function sendText(res: Res, status: number, text: string, type: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', type);
  res.setHeader('cache-control', 'no-store');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(text);
}

/** Runs a route; an HttpError becomes its answer, anything else a 500. */
export const guarded =
  (h: Handler): Handler =>
  async (req, res) => {
    try {
      await h(req, res);
    } catch (e) {
      if (res.headersSent) return;
      if (e instanceof HttpError) return sendJson(res, e.status, { error: e.message, ...(e.issues ? { issues: e.issues } : {}) } satisfies ApiErrorBody);
      if (e instanceof Trouble) return sendJson(res, e.kind === 'damaged' ? 409 : 503, { error: e.message } satisfies ApiErrorBody);
      console.error('[api]', e);
      sendJson(res, 500, { error: 'internal error' });
    }
  };

/** The raw body as text, refused past `max` bytes. */
export async function readText(req: Req, max: number): Promise<string> {
  if (typeof req.body === 'string') return req.body;
  if (req.body !== undefined && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) return JSON.stringify(req.body);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new HttpError(413, `body too large: the limit is ${max} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpError(413, `body too large: the limit is ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body as JSON (an empty body is `{}`). */
export async function readJson(req: Req, max = 16 * 1024): Promise<unknown> {
  const text = await readText(req, max);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `bad body: not JSON (${(e as Error).message})`);
  }
}

export const bearer = (req: Req): string | undefined => {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
};

export const query = (req: Req): URLSearchParams => new URL(req.url ?? '/', 'http://x').searchParams;

/** The client's address, for rate limits. */
export const clientAddress = (req: Req): string => req.socket.remoteAddress ?? 'unknown';

/** A fixed-window counter per key: at most `max` hits per `windowMs`. */
export class WindowLimit {
  private hits = new Map<string, { n: number; since: number }>();
  constructor(
    private max: number,
    private windowMs: number,
  ) {}
  /** Whether another hit is allowed now (and counts it when `count`). */
  allow(key: string, now = Date.now(), count = true): boolean {
    let h = this.hits.get(key);
    if (!h || now - h.since >= this.windowMs) {
      h = { n: 0, since: now };
      this.hits.set(key, h);
    }
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (now - v.since >= this.windowMs) this.hits.delete(k);
    if (h.n >= this.max) return false;
    if (count) h.n++;
    return true;
  }
  reset(key: string): void {
    this.hits.delete(key);
  }
}
