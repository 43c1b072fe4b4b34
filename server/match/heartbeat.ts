// Finding dead connections: a client that has sent nothing for a period is pinged, and dropped
// after missing two pings in a row. Two choices against Colyseus's own heartbeat:
// - It pings every client in the same instant; with thousands of clients that stalled every room
//   for tens of ms every 3 s. Here a client is pinged in its own slot of the period, so each tick
//   pings a slice of them.
// - A message from the client proves its connection alive as well as a pong does, so a client
//   that spoke during the period is not pinged. In play most are: at 4,000 clients pings and
//   pongs were 1,333 frames a second each way, a system call and a wake-up of either side apiece.
//   A client silent for a whole period is pinged as before; one that spoke (or connected) and then
//   died is dropped at most a period later than one that was answering pings.
import type { WebSocket, WebSocketServer } from 'ws';

type Watched = WebSocket & { heartbeatSlot?: number; heard?: boolean; missed?: number };

const noop = () => undefined;
function heard(this: Watched) {
  this.heard = true;
}
function answered(this: Watched) {
  this.missed = 0;
}

export function startHeartbeat(wss: WebSocketServer, periodMs = 3000, maxMissed = 2, slices = 15): () => void {
  let turn = 0;
  let next = 0;
  const watch = (ws: Watched) => {
    ws.heartbeatSlot = next++ % slices;
    // Its handshake was just heard.
    ws.heard = true;
    ws.on('message', heard);
    ws.on('pong', answered);
  };
  wss.on('connection', watch);
  const timer = setInterval(() => {
    for (const ws of wss.clients as Set<Watched>) {
      if (ws.heartbeatSlot !== turn) continue;
      if (ws.heard) {
        ws.heard = false;
        ws.missed = 0;
        continue;
      }
      if ((ws.missed ?? 0) >= maxMissed) {
        ws.terminate();
        continue;
      }
      ws.missed = (ws.missed ?? 0) + 1;
      ws.ping(noop);
    }
    turn = (turn + 1) % slices;
  }, periodMs / slices);
  timer.unref();
  return () => {
    clearInterval(timer);
    wss.off('connection', watch);
  };
}
