// The address the join sheet's links and QR codes point to. A console opened at localhost or
// 127.0.0.1 (as the README has it) would print links no phone can open: then the server's address
// on the local network is used, when the server listens there. PARITY_PUBLIC_URL overrides both.
import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { JoinAddress } from '../../shared/protocol/index.js';

export interface JoinAddressOptions {
  /** PARITY_PUBLIC_URL: where players reach this server (e.g. behind a proxy or on a domain). */
  publicUrl?: string;
  /** The interface the server listens on: a LAN address is offered only when it listens on all. */
  host: string;
  port: number;
  /** The machine's address on the local network (default: from its network interfaces). */
  lanAddress?: () => string | null;
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\]|::1)$/i;
const PRIVATE = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

/** The first IPv4 address of this machine on a private network (else any other external IPv4 one), or null. */
export function lanAddress(): string | null {
  const all = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal && !i.address.startsWith('169.254.'))
    .map((i) => i!.address);
  return all.find((a) => PRIVATE.test(a)) ?? all[0] ?? null;
}

export function joinAddressFor(req: IncomingMessage, o: JoinAddressOptions): JoinAddress {
  if (o.publicUrl) return { url: o.publicUrl.replace(/\/+$/, ''), source: 'configured' };
  const host = typeof req.headers.host === 'string' && /^[A-Za-z0-9.\-:[\]]{1,260}$/.test(req.headers.host) ? req.headers.host : `localhost:${o.port}`;
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  const here = { url: `${secure ? 'https' : 'http'}://${host}`, source: 'request' as const };
  const hostname = host.replace(/:\d+$/, '');
  if (!LOOPBACK.test(hostname) || !(o.host === '0.0.0.0' || o.host === '::')) return here;
  const lan = (o.lanAddress ?? lanAddress)();
  return lan ? { url: `http://${lan}:${o.port}`, source: 'lan' } : here;
}
