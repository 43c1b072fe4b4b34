// The baseline of bench:server and bench:scale: a bare Colyseus 0.18 room on the same transport,
// with immediate patches and no game — each message changes a little synced state, patches it at
// once and is answered `accepted`, as Parity's room answers after its store and views. What
// Parity costs over Colyseus itself is the difference. Run by the benches as a child process:
// PORT, HOST.
import { Room, Server } from '@colyseus/core';
import { schema, t, type SchemaType } from '@colyseus/schema';
import { WebSocketTransport } from '@colyseus/ws-transport';

const Seat = schema({ name: t.string().default(''), moves: t.uint32().default(0) }, 'Seat');
const BareState = schema({ round: t.uint16().default(1), phase: t.string().default('news'), messages: t.uint32().default(0), seats: t.map(Seat) }, 'BareState');
type BareState = SchemaType<typeof BareState>;

class BareRoom extends Room<{ state: BareState }> {
  override onCreate() {
    this.state = new BareState();
    this.patchRate = null;
    this.autoDispose = false;
    this.maxClients = 8;
    this.onMessage('*', (client, type, payload: { ref?: unknown; text?: string } | undefined) => {
      const seat = this.state.seats.get(client.sessionId);
      if (seat) seat.moves++;
      this.state.messages++;
      this.broadcastPatch();
      if (type === 'chat') this.broadcast('chat', { text: payload?.text ?? '' });
      client.send('accepted', { type, ref: payload?.ref });
    });
  }

  override onJoin(client: { sessionId: string; send(t: string, m: unknown): void }, options: { name?: string }) {
    const s = new Seat();
    s.name = String(options?.name ?? '');
    this.state.seats.set(client.sessionId, s);
    client.send('view', { round: 1, phase: 'news' });
  }

  override onLeave(client: { sessionId: string }) {
    this.state.seats.delete(client.sessionId);
  }
}

const server = new Server({ transport: new WebSocketTransport({ maxPayload: 64 * 1024 }), greet: false, gracefullyShutdown: true });
server.define('bare', BareRoom);
await server.listen(Number(process.env.PORT ?? 2590), process.env.HOST ?? '127.0.0.1');
console.log('bare Colyseus server up');
