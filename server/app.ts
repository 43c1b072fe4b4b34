// Builds one Parity server: Colyseus rooms, the HTTP API, the built client, the store.
// By default one process on an embedded SQLite file. Several processes behind a proxy share
// PostgreSQL (`databaseUrl`) and Colyseus's Redis presence and driver (`redisUrl`), each with its
// own `publicAddress` (docs/deploy.md).
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Server, type Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { listScenarioIds } from '../shared/scenario/files.js';
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
import { Leases } from './store/leases.js';
import { openStore, type OpenStore } from './store/open.js';
import { ScenarioLibrary } from './store/scenarioLibrary.js';
import type { RetryPolicy } from './store/writeQueue.js';

export interface ParityOptions {
  port?: number;
  host?: string;
  /** The SQLite file (the embedded store). */
  db?: string;
  /** PostgreSQL instead of the SQLite file: several processes may share it (DATABASE_URL). */
  databaseUrl?: string;
  /** Colyseus's Redis presence and driver: rooms spread over several processes (PARITY_REDIS_URL). */
  redisUrl?: string;
  /** Where clients reach this process's rooms (host[:port][/path], PARITY_PUBLIC_ADDRESS); with several processes, one each. */
  publicAddress?: string;
  /** SQLite only: cap the database at this many 4 KiB pages (a write past it is refused as on a full disk). */
  maxDbPages?: number;
  /** PostgreSQL only: the least time between the starts of two batches of writes (PARITY_BATCH_GAP_MS; store/postgres/store.ts). */
  batchGapMs?: number;
  /** How long a failing write is tried again before the change is refused. */
  storeRetry?: RetryPolicy;
  /** How long a match's lease outlives its process's last renewal (failover takes about this long). */
  leaseMs?: number;
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
  store: OpenStore;
  bots: BotPool;
  leases: Leases;
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
  // Matches, class sessions, the facilitator's log and uploaded scenarios, on one database.
  const store = openStore({ path: o.db ?? join(ROOT, 'data', 'parity.db'), databaseUrl: o.databaseUrl, maxPages: o.maxDbPages, batchGapMs: o.batchGapMs, retry: o.storeRetry });
  // Shipped and uploaded scenarios, loaded once per id and shared by every room.
  const library = new ScenarioLibrary(store, o.scenarioDir);
  const startedAt = Date.now();
  const leases = new Leases(store, `p${randomBytes(6).toString('hex')}`, o.leaseMs, store.ready);
  let stopWaker = () => {};
  const clientDir = o.clientDir ?? join(ROOT, 'dist', 'client');
  // Search bots decide on threads (started when first needed), never on the rooms' event loop.
  const bots = new BotPool(o.botThreads);
  // Starts (or restores from the store) a match's room that is not running.
  const ensureRoom = roomStarter();
  const scenario = (id: string) => library.get(id);
  const limits: Limits = { ...DEFAULT_LIMITS, ...o.limits };
  const joinAddress = (req: Parameters<typeof joinAddressFor>[0]) => joinAddressFor(req, { publicUrl: o.publicUrl, host, port, lanAddress: o.lanAddress });

  // pingInterval 0: our heartbeat (heartbeat.ts) spreads the pings over the period.
  const transport = new WebSocketTransport({ maxPayload: 64 * 1024, pingInterval: 0 });
  const stopHeartbeat = startHeartbeat(transport['wss']);
  const server = new Server({
    transport,
    ...(o.redisUrl ? { presence: new RedisPresence(o.redisUrl) as Presence, driver: new RedisDriver(o.redisUrl) } : {}),
    ...(o.publicAddress ? { publicAddress: o.publicAddress } : {}),
    gracefullyShutdown: o.signals ?? false,
    greet: false,
    express: (app) => {
      mountMatchRoutes(app, { store, scenario, loadScenario: (id) => library.load(id), scenarioIds: () => listScenarioIds(o.scenarioDir), startedAt, ensureRoom, limits });
      mountClassRoutes(app, { store, sessions: store, library, ensureRoom, limits, joinAddress });
      mountSeatRoutes(app, { store, sessions: store });
      stopWaker = startWaker(store, leases, ensureRoom, o.wakeEveryMs ?? 30_000);
      app.use(staticClient(clientDir));
    },
  });
  server.define(
    'match',
    defineMatchRoom({
      store,
      leases,
      scenario,
      rate: o.rate ?? { perSecond: 20, burst: 40 },
      graceSeconds: o.graceSeconds ?? 60,
      reconnectSeconds: o.reconnectSeconds ?? 60,
      floodLimit: o.floodLimit ?? 200,
      idleSeconds: o.idleSeconds ?? 300,
      controlGuard: sessionControlGuard(store),
      bots,
      watchers: o.watchers,
    }),
  );
  server.onShutdown(async () => {
    stopWaker();
    stopHeartbeat();
    bots.close();
    leases.stop();
    library.close();
    await store.close();
  });

  return {
    server,
    store,
    bots,
    leases,
    library,
    port,
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    listen: async () => {
      await store.ready;
      // Alone on its database (no Redis: one process), a server starting again takes back the
      // matches its previous run held, without waiting for their leases to run out.
      if (!o.redisUrl) await store.releaseAll();
      await server.listen(port, host);
      // After Colyseus bound its routes: the guard goes in front of them and of ours.
      // The public address's origin is the server's own, whatever Host a proxy in front passes on.
      const origins = [...(o.origins ?? []), ...(o.publicUrl ? [new URL(o.publicUrl).origin] : [])];
      guardRequests(transport.server!, { limits, trustProxy: o.trustProxy ?? 0, origins });
    },
    shutdown: async () => {
      await server.gracefullyShutdown(false);
      // Idle keep-alive sockets too: a client must not send its next request to a server that is gone.
      transport.server?.closeAllConnections();
    },
  };
}
