// The client's address, for the per-address limits. Behind a reverse proxy (PARITY_TRUST_PROXY set
// to the number of proxies in front) it is the address the nearest trusted proxy saw, read from the
// right of X-Forwarded-For; otherwise the socket's, and forwarding headers are ignored (anyone can
// write them). IPv6 addresses count per /64, the block one household or host usually gets.
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/** The header the request guard (guard.ts) writes the address into, for Colyseus's `context.ip` and the routes. */
export const ADDRESS_HEADER = 'x-real-ip';
const FORWARDING = ['x-forwarded-for', 'x-real-ip', 'x-client-ip', 'forwarded'];

/** The address to count a request against; `trustProxy` is how many proxies stand in front (0: none). */
export function addressOf(req: IncomingMessage, trustProxy: number): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return limitKey(socket);
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((h) => h.trim()).filter(Boolean);
  // The last proxy appends what it saw; with n trusted proxies, the n-th entry from the right is the client.
  const seen = hops.length >= trustProxy ? hops[hops.length - trustProxy] : hops[0];
  return limitKey(seen ?? socket);
}

/** Replaces the forwarding headers of a request with the one address the server trusts. */
export function pinAddress(req: IncomingMessage, trustProxy: number): string {
  const address = addressOf(req, trustProxy);
  for (const h of FORWARDING) delete req.headers[h];
  req.headers[ADDRESS_HEADER] = address;
  return address;
}

/** An address as limits count it: IPv4 as is (IPv4-mapped IPv6 too), IPv6 by its first 64 bits. */
export function limitKey(address: string): string {
  const a = address.trim().toLowerCase();
  if (a.startsWith('::ffff:') && a.includes('.')) return a.slice(7);
  if (!isIPv6(a)) return a;
  const [head, tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The address the guard pinned on this request. */
export const requestAddress = (req: IncomingMessage): string => {
  const h = req.headers[ADDRESS_HEADER];
  return typeof h === 'string' && h ? h : limitKey(req.socket.remoteAddress ?? 'unknown');
};
