// Small HTTP helpers for the routes: JSON answers, bounded bodies, bearer tokens, queries, and the
// status code of each refusal the domains (match/, class/, store/) give.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { ApiErrorBody } from '../../shared/protocol/index.js';
import type { z } from 'zod';
import { accept, badRequest, issuesOf, type Result } from '../refusal.js';
import { requestAddress } from './address.js';
import { accepts } from './static.js';

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
    readonly headers: Record<string, string> = {},
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

/** JSON at least this long goes gzipped to a browser that takes it (a scenario is about 64 KB, 12 KB gzipped). */
const GZIP_FROM = 8 * 1024;

export function sendJson(res: Res, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  const text = JSON.stringify(body);
  if (text.length >= GZIP_FROM && accepts(res.req?.headers['accept-encoding'], 'gzip')) {
    res.setHeader('content-encoding', 'gzip');
    res.setHeader('vary', 'Accept-Encoding');
    return void res.end(gzipSync(text, { level: 6 }));
  }
  res.end(text);
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
      if (e instanceof HttpError) return sendJson(res, e.status, { error: e.message, ...(e.issues ? { issues: e.issues } : {}) } satisfies ApiErrorBody, e.headers);
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

/** A request body checked against its schema; a 400 naming each problem otherwise. */
export const parseBody = <T>(schema: z.ZodType<T>, body: unknown): T => {
  const r = schema.safeParse(body);
  return unwrap(r.success ? accept(r.data) : badRequest(issuesOf(r.error.issues)));
};

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

/** The client's address, as the request guard pinned it (address.ts), for per-address limits. */
export const clientAddress = (req: Req): string => requestAddress(req);
