// Serves the built client (dist/client) when it exists, with the SPA's index.html as fallback.
// Hashed assets (/assets/…) never change under their name: cached for a year, immutable.
// index.html (and anything else) is revalidated on each visit: no-cache with an ETag, answered 304
// when unchanged. Each file is sent precompressed when the build wrote a .br or .gz beside it and
// the browser accepts that encoding (brotli first).
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.geojson': 'application/geo+json',
  '.txt': 'text/plain; charset=utf-8',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The encodings the build writes beside a file, best first, with their file suffix. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Which of `name` the request's Accept-Encoding allows (q=0 refuses it). */
export function accepts(header: string | string[] | undefined, name: string): boolean {
  const list = (Array.isArray(header) ? header.join(',') : (header ?? '')).toLowerCase();
  for (const part of list.split(',')) {
    const [coding, ...params] = part.trim().split(';');
    if (coding.trim() !== name && coding.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

interface Variant {
  path: string;
  size: number;
  etag: string;
  encoding: string | null;
}

/** A file's representations, read once per change of the file (its size and time). */
const known = new Map<string, { stamp: string; variants: Variant[] }>();

function variantsOf(file: string): Variant[] {
  const st = statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const hit = known.get(file);
  if (hit?.stamp === stamp) return hit.variants;
  const hash = createHash('sha1').update(readFileSync(file)).digest('base64url').slice(0, 22);
  const variants: Variant[] = [];
  for (const e of ENCODINGS) {
    const path = file + e.suffix;
    if (existsSync(path)) variants.push({ path, size: statSync(path).size, etag: `"${hash}-${e.name}"`, encoding: e.name });
  }
  variants.push({ path: file, size: st.size, etag: `"${hash}"`, encoding: null });
  known.set(file, { stamp, variants });
  return variants;
}

export function staticClient(root: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !existsSync(root)) return next();
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (url.startsWith('/api/') || url.startsWith('/matchmake')) return next();
    let file = normalize(join(root, url));
    if (!file.startsWith(root + sep) && file !== root) return next();
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) return next();
    const hashed = file.startsWith(join(root, 'assets') + sep);
    const variant = variantsOf(file).find((v) => v.encoding === null || accepts(req.headers['accept-encoding'], v.encoding))!;
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('cache-control', hashed ? IMMUTABLE : REVALIDATE);
    res.setHeader('vary', 'Accept-Encoding');
    res.setHeader('etag', variant.etag);
    if (variant.encoding) res.setHeader('content-encoding', variant.encoding);
    const asked = req.headers['if-none-match'];
    if (asked && asked.split(',').some((tag) => tag.trim().replace(/^W\//, '') === variant.etag)) {
      res.statusCode = 304;
      return res.end();
    }
    res.setHeader('content-length', variant.size);
    if (req.method === 'HEAD') return res.end();
    createReadStream(variant.path).pipe(res);
  };
}
