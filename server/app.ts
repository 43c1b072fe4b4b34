// Builds one Parity server: Colyseus rooms, the HTTP API, the built client, the store.
import { join, resolve } from 'node:path';
import { Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { loadScenario, listScenarioIds } from '../shared/scenario/files.js';
import type { Scenario } from '../shared/scenario/schema.js';
import { mountApi } from './http.js';
import { defineMatchRoom } from './room.js';
import { staticClient } from './static.js';
import { SqliteStore, type MatchStore } from './store.js';
import type { RateLimit } from './guard.js';

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
}

export interface ParityServer {
  server: Server;
  store: MatchStore;
  port: number;
  url: string;
  listen(): Promise<void>;
  shutdown(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..');

export function createParityServer(o: ParityOptions = {}): ParityServer {
  const port = o.port ?? 2567;
  const host = o.host ?? '0.0.0.0';
  const store = new SqliteStore(o.db ?? join(ROOT, 'data', 'parity.db'));
  // Scenarios are read-only data: loaded once per id and shared by every room.
  const scenarios = new Map<string, Scenario>();
  const scenario = (id: string) => {
    let s = scenarios.get(id);
    if (!s) scenarios.set(id, (s = loadScenario(id, o.scenarioDir)));
    return s;
  };
  const startedAt = Date.now();
  const clientDir = o.clientDir ?? join(ROOT, 'dist', 'client');

  const server = new Server({
    transport: new WebSocketTransport({ maxPayload: 64 * 1024 }),
    gracefullyShutdown: o.signals ?? false,
    greet: false,
    express: (app) => {
      mountApi(app, { store, scenario, scenarioIds: () => listScenarioIds(o.scenarioDir), startedAt });
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
    }),
  );
  server.onShutdown(() => store.close());

  return {
    server,
    store,
    port,
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    listen: async () => {
      await server.listen(port, host);
    },
    shutdown: async () => {
      await server.gracefullyShutdown(false);
    },
  };
}
