// Shared helpers for the server tests: a real server on a temp database and real SDK clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { Client, type Room } from '@colyseus/sdk';
import { createParityServer, type ParityOptions, type ParityServer } from '../../server/app.js';
import type { Limits } from '../../server/http/limits.js';
import type { MatchRoom } from '../../server/match/room.js';
import type { SeatView } from '../../shared/engine/index.js';
import { applyViewUpdate } from '../../shared/protocol/index.js';

const plenty = { burst: 1e6, perMinute: 1e6 };
/** Per-address limits no test run reaches (test/server/abuse.test.ts tries the real ones). */
export const NO_LIMITS: Partial<Limits> = {
  matchCreations: plenty,
  sessionCreations: plenty,
  uploads: plenty,
  codeLookups: plenty,
  missedLookups: plenty,
  roomStarts: plenty,
  matchmake: plenty,
};

/** PARITY_TEST_PORT lets two checkouts run their server tests side by side. */
export const TEST_PORT = Number(process.env.PARITY_TEST_PORT ?? 2568);

export interface TestServer {
  parity: ParityServer;
  url: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startServer(o: ParityOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parity-test-'));
  // Every test comes from one address: the per-address limits are lifted unless a test sets them.
  const parity = createParityServer({ port: TEST_PORT, host: '127.0.0.1', db: join(dir, 'parity.db'), rate: { perSecond: 1000, burst: 2000 }, limits: NO_LIMITS, ...o });
  await parity.listen();
  return {
    parity,
    url: `http://127.0.0.1:${TEST_PORT}`,
    dir,
    stop: async () => {
      await parity.shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A match's room running in this process (tests look inside it; the server itself only calls it). */
export const localRoom = (matchId: string): MatchRoom => matchMaker.getLocalRoomById(matchId) as MatchRoom;

/**
 * The seat keys of every match, class room and fork the tests made, by join code, as their
 * creation answered them: Player.join passes a seat's key, as a player's join link does.
 */
export const seatKeys = new Map<string, Record<string, string>>();

function keepKeys(body: any): void {
  if (body?.code && body.seatKeys) seatKeys.set(body.code, body.seatKeys);
  if (body?.code && body.keys) seatKeys.set(body.code, body.keys);
  for (const r of Array.isArray(body?.rooms) ? body.rooms : []) if (r?.code && r.keys) seatKeys.set(r.code, r.keys);
}

export async function api<T = any>(url: string, path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(url + path, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const body = (await res.json()) as T;
  keepKeys(body);
  return { status: res.status, body };
}

export interface Created {
  matchId: string;
  code: string;
  facilitatorToken: string;
  seatKeys: Record<string, string>;
}

export async function createMatch(url: string, body: Record<string, unknown>): Promise<Created> {
  const r = await api<Created>(url, '/api/matches', { body });
  if (r.status !== 201) throw new Error(`create failed: ${JSON.stringify(r.body)}`);
  return r.body;
}

export type Reply = { kind: 'accepted'; type: string; ref?: string | number } | { kind: 'refused'; type: string; code: string; reason: string; ref?: string | number };

/** One connected client, recording everything it receives. */
export class Player {
  /** Every view this client held, whole or rebuilt from a `viewUpdate`. */
  views: SeatView[] = [];
  /** `viewUpdate`s that did not follow from the view held (there should be none). */
  gaps = 0;
  messages: { type: string; payload: any }[] = [];
  private nextRef = 1;
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  constructor(public room: Room, public seat: string) {
    room.onMessage('*', (type, payload: any) => {
      this.messages.push({ type: String(type), payload });
      if (type === 'view') this.views.push(payload);
      if (type === 'viewUpdate' && this.views.length) {
        const next = applyViewUpdate(this.view, payload);
        if (next) this.views.push(next);
        else this.gaps++;
      }
      this.wake();
    });
    room.onStateChange(() => this.wake());
  }

  /** Join `seat` with its key (from `seatKeys`), unless `o.key` says otherwise (null: no key). */
  static async join(t: TestServer, code: string, seat: string, name: string, token?: string, o: { key?: string | null; member?: string } = {}): Promise<Player> {
    const info = await api(t.url, `/api/join/${code}`);
    if (info.status !== 200) throw new Error(`join lookup failed: ${JSON.stringify(info.body)}`);
    const sdk = new Client(t.url);
    const key = o.key === undefined ? seatKeys.get(info.body.code)?.[seat] : o.key;
    const room = await sdk.joinById(info.body.roomId, { seat, name, ...(token ? { token } : {}), ...(key ? { key } : {}), ...(o.member ? { member: o.member } : {}) });
    const p = new Player(room, seat);
    await p.until(() => p.views.length > 0 && p.messages.some((m) => m.type === 'chatHistory'));
    return p;
  }

  get view(): SeatView {
    return this.views[this.views.length - 1];
  }

  get state(): any {
    return this.room.state;
  }

  private wake() {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolve when `test` holds; reject after `ms`. */
  until(test: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.seat}: timed out waiting for ${what}`)), ms);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Send a message with a fresh ref and wait for its accepted/refused reply. */
  async send(type: string, payload: Record<string, unknown> = {}): Promise<Reply> {
    const ref = `r${this.nextRef++}`;
    const from = this.messages.length;
    this.room.send(type, { ...payload, ref });
    let reply: Reply | undefined;
    await this.until(() => {
      const m = this.messages.slice(from).find((x) => (x.type === 'accepted' || x.type === 'refused') && x.payload?.ref === ref);
      if (m) reply = { kind: m.type, ...m.payload } as Reply;
      return !!m;
    }, 5000, `reply to ${type} #${ref}`);
    return reply!;
  }

  act(action: Record<string, unknown>) {
    return this.send('action', action);
  }

  async leave() {
    await this.room.leave(true).catch(() => undefined);
  }
}

/** Expect an accepted reply (throws with the refusal otherwise). */
export function ok(r: Reply): Reply {
  if (r.kind !== 'accepted') throw new Error(`refused: ${r.type} ${r.code} ${r.reason}`);
  return r;
}
