// Serves the built client (dist/client) when it exists, with the SPA's index.html as fallback.
import { createReadStream, existsSync, statSync } from 'node:fs';
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

export function staticClient(root: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !existsSync(root)) return next();
    const url = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (url.startsWith('/api/') || url.startsWith('/matchmake')) return next();
    let file = normalize(join(root, url));
    if (!file.startsWith(root + sep) && file !== root) return next();
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) return next();
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };
}
