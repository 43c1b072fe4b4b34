// Builds one Parity server: Colyseus rooms, the HTTP API, the built client, the store.
import { join, resolve } from 'node:path';
import { Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { listScenarioIds } from '../shared/scenario/files.js';
import type { Scenario } from '../shared/scenario/schema.js';
import { sessionControlGuard } from './class/console.js';
import { mountClassRoutes } from './http/classRoutes.js';
import { guardRequests } from './http/guard.js';
import { joinAddressFor } from './http/joinAddress.js';
import { DEFAULT_LIMITS, type Limits } from './http/limits.js';
import { mountMatchRoutes } from './http/matchRoutes.js';
import { mountSeatRoutes } from './http/seatRoutes.js';
import { staticClient } from './http/static.js';
import { BotPool } from './match/botPool.js';
import { roomStarter } from './match/calls.js';
import type { RateLimit } from './match/guard.js';
import { startHeartbeat } from './match/heartbeat.js';
import { defineMatchRoom } from './match/room.js';
import type { WatcherLimits } from './match/seats.js';
import { startWaker } from './match/waker.js';
import { SqliteStore, type MatchStore } from './store/matchStore.js';
import { ScenarioLibrary } from './store/scenarioLibrary.js';
import { SqliteSessionStore } from './store/sessionStore.js';

export interface ParityOptions {
  port?: number;
  host?: string;
  db?: string;
  rate?: RateLimit;
  graceSeconds?: number;
  reconnectSeconds?: number;
  floodLimit?: number;
  idleSeconds?: number;
  scenarioDir?: string;
  /** Register SIGINT/SIGTERM handlers (the standalone server does; tests don't). */
  signals?: boolean;
  clientDir?: string;
  /** How often to look for slow games whose deadline fell due while their room was away. */
  wakeEveryMs?: number;
  /** Threads for search bots' decisions (default: cores − 1, at least 1, at most 4). */
  botThreads?: number;
  /** Per-address limits and body caps (docs/protocol.md §9); each one left out keeps its default. */
  limits?: Partial<Limits>;
  /** Spectators a room takes, in all and per address. */
  watchers?: WatcherLimits;
  /** Proxies in front whose X-Forwarded-For is believed (PARITY_TRUST_PROXY); default 0. */
  trustProxy?: number;
  /** Other origins whose pages may call the server (PARITY_ORIGINS). */
  origins?: string[];
  /** Where players reach the server, for the join sheet (PARITY_PUBLIC_URL). */
  publicUrl?: string;
  /** The machine's LAN address (tests pin it); default from its network interfaces. */
  lanAddress?: () => string | null;
}

export interface ParityServer {
  server: Server;
  store: MatchStore;
  bots: BotPool;
  library: ScenarioLibrary;
  port: number;
  url: string;
  listen(): Promise<void>;
  shutdown(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..');

export function createParityServer(o: ParityOptions = {}): ParityServer {
  const port = o.port ?? 2567;
  const host = o.host ?? '0.0.0.0';
  const dbPath = o.db ?? join(ROOT, 'data', 'parity.db');
  const store = new SqliteStore(dbPath);
  // Class sessions, the facilitator's log and uploaded scenarios, on the same database.
  const sessions = new SqliteSessionStore(dbPath);
  // Shipped and uploaded scenarios, loaded once per id and shared by every room.
  const library = new ScenarioLibrary(sessions, o.scenarioDir);
  const scenario = (id: string): Scenario => library.get(id);
  const startedAt = Date.now();
  let stopWaker = () => {};
  const clientDir = o.clientDir ?? join(ROOT, 'dist', 'client');
  // Search bots decide on threads (started when first needed), never on the rooms' event loop.
  const bots = new BotPool(o.botThreads);
  // Starts (or restores from the store) a match's room that is not running.
  const ensureRoom = roomStarter();
  const limits: Limits = { ...DEFAULT_LIMITS, ...o.limits };
  const joinAddress = (req: Parameters<typeof joinAddressFor>[0]) => joinAddressFor(req, { publicUrl: o.publicUrl, host, port, lanAddress: o.lanAddress });

  // pingInterval 0: our heartbeat (heartbeat.ts) spreads the pings over the period.
  const transport = new WebSocketTransport({ maxPayload: 64 * 1024, pingInterval: 0 });
  const stopHeartbeat = startHeartbeat(transport['wss']);
  const server = new Server({
    transport,
    gracefullyShutdown: o.signals ?? false,
    greet: false,
    express: (app) => {
      mountMatchRoutes(app, { store, scenario, loadScenario: (id) => library.load(id), scenarioIds: () => listScenarioIds(o.scenarioDir), startedAt, ensureRoom, limits });
      mountClassRoutes(app, { store, sessions, library, ensureRoom, limits, joinAddress });
      mountSeatRoutes(app, { store, sessions });
      stopWaker = startWaker(store, ensureRoom, o.wakeEveryMs ?? 30_000);
      app.use(staticClient(clientDir));
    },
  });
  server.define(
    'match',
    defineMatchRoom({
      store,
      scenario,
      rate: o.rate ?? { perSecond: 20, burst: 40 },
      graceSeconds: o.graceSeconds ?? 60,
      reconnectSeconds: o.reconnectSeconds ?? 60,
      floodLimit: o.floodLimit ?? 200,
      idleSeconds: o.idleSeconds ?? 300,
      controlGuard: sessionControlGuard(sessions),
      bots,
      watchers: o.watchers,
    }),
  );
  server.onShutdown(() => {
    stopWaker();
    stopHeartbeat();
    bots.close();
    library.close();
    store.close();
    sessions.close();
  });

  return {
    server,
    store,
    bots,
    library,
    port,
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    listen: async () => {
      await server.listen(port, host);
      // After Colyseus bound its routes: the guard goes in front of them and of ours.
      // The public address's origin is the server's own, whatever Host a proxy in front passes on.
      const origins = [...(o.origins ?? []), ...(o.publicUrl ? [new URL(o.publicUrl).origin] : [])];
      guardRequests(transport.server!, { limits, trustProxy: o.trustProxy ?? 0, origins });
    },
    shutdown: async () => {
      await server.gracefullyShutdown(false);
    },
  };
}
