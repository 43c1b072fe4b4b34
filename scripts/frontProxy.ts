// A small front proxy, as nginx is configured in docs/deploy.md, for the multi-process tests and
// bench:scale: `/<name>/…` goes to that process (its PARITY_PUBLIC_ADDRESS is
// `<proxy>/<name>`, where its rooms' WebSockets connect), anything else to the next live process
// in turn (HTTP: the API, matchmaking, the client). No stickiness is needed.
import { createServer, request, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface Backend {
  name: string;
  port: number;
}

export interface FrontProxy {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startFrontProxy(port: number, backends: Backend[]): Promise<FrontProxy> {
  let next = 0;
  /** The backend a request goes to, and its path there. */
  const route = (url: string): { targets: Backend[]; path: string } => {
    const named = backends.find((b) => url === `/${b.name}` || url.startsWith(`/${b.name}/`));
    if (named) return { targets: [named], path: url.slice(named.name.length + 1) || '/' };
    const start = next++ % backends.length;
    return { targets: [...backends.slice(start), ...backends.slice(0, start)], path: url };
  };
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const { targets, path } = route(req.url ?? '/');
    const body: Buffer[] = [];
    req.on('data', (c) => body.push(c));
    req.on('end', () => {
      const attempt = (i: number) => {
        const b = targets[i];
        if (!b) {
          res.writeHead(502).end('no live backend');
          return;
        }
        const up = request({ host: '127.0.0.1', port: b.port, method: req.method, path, headers: req.headers }, (r: IncomingMessage) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        });
        // A process that died: the next one takes the request (as nginx's proxy_next_upstream).
        up.on('error', () => attempt(i + 1));
        up.end(Buffer.concat(body));
      };
      attempt(0);
    });
  });
  server.on('upgrade', (req, client: Socket, head) => {
    // An upgraded connection lives as long as its game: no HTTP timeouts on it.
    client.setTimeout(0);
    client.setNoDelay(true);
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const { targets, path } = route(req.url ?? '/');
    const b = targets[0];
    const up = connect(b.port, '127.0.0.1', () => {
      const lines = [`${req.method} ${path} HTTP/1.1`, ...Object.entries(req.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`), '', ''];
      up.write(lines.join('\r\n'));
      if (head.length) up.write(head);
      up.pipe(client).pipe(up);
    });
    sockets.add(up);
    up.on('close', () => (sockets.delete(up), client.destroy()));
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
