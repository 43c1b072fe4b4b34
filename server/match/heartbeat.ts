// Finding dead connections: each client is pinged every few seconds and dropped after missing
// two pings. Colyseus's own heartbeat pings every client in the same instant; with thousands of
// clients that stalled every room for tens of ms every 3 s. Here a client is pinged in its own
// slot of the period, so each tick pings a slice of them.
import type { WebSocket, WebSocketServer } from 'ws';

type Watched = WebSocket & { pingCount?: number; heartbeatSlot?: number };

const noop = () => undefined;

export function startHeartbeat(wss: WebSocketServer, periodMs = 3000, maxMissed = 2, slices = 15): () => void {
  let turn = 0;
  let next = 0;
  const timer = setInterval(() => {
    for (const ws of wss.clients as Set<Watched>) {
      ws.heartbeatSlot ??= next++ % slices;
      if (ws.heartbeatSlot !== turn) continue;
      // Colyseus resets pingCount when the pong comes back.
      if ((ws.pingCount ?? 0) >= maxMissed) {
        ws.terminate();
        continue;
      }
      ws.pingCount = (ws.pingCount ?? 0) + 1;
      ws.ping(noop);
    }
    turn = (turn + 1) % slices;
  }, periodMs / slices);
  timer.unref();
  return () => clearInterval(timer);
}
