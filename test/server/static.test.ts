// The built client as a phone on a slow network gets it: hashed assets precompressed (brotli or
// gzip, as the browser accepts) and cached for a year; index.html revalidated with an ETag.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accepts, IMMUTABLE, REVALIDATE, staticClient } from '../../server/http/static.js';

let dir: string;
let server: Server;
let base: string;
const js = 'console.log("parity");\n'.repeat(200);
const html = '<!doctype html><title>Parity</title>' + '<!-- padding -->'.repeat(100);

function write(path: string, text: string) {
  writeFileSync(join(dir, path), text);
  writeFileSync(join(dir, `${path}.br`), brotliCompressSync(text));
  writeFileSync(join(dir, `${path}.gz`), gzipSync(text));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parity-static-'));
  mkdirSync(join(dir, 'assets'));
  write('index.html', html);
  write('assets/index-AbC123.js', js);
  writeFileSync(join(dir, 'assets', 'tiny-Xy9.js'), 'x');
  const serve = staticClient(dir);
  server = createServer((req, res) => serve(req, res, () => ((res.statusCode = 404), res.end('next'))));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would decode the body and hide the encoding). */
async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static client', () => {
  it('sends a hashed asset in brotli when accepted, cached for a year', async () => {
    const r = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['cache-control']).toBe(IMMUTABLE);
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(js.length / 4);
    expect(brotliDecompressSync(r.body).toString()).toBe(js);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(js);
    const refused = await get('/assets/index-AbC123.js', { 'accept-encoding': 'br;q=0, gzip;q=0.8' });
    expect(refused.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
    // A file the build left uncompressed (too small) is sent as it is, whatever is accepted.
    const tiny = await get('/assets/tiny-Xy9.js', { 'accept-encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('x');
    expect(tiny.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('revalidates index.html: no-cache with an ETag, 304 when unchanged, a new tag when changed', async () => {
    const first = await get('/', { 'accept-encoding': 'br' });
    expect(first.headers['cache-control']).toBe(REVALIDATE);
    const tag = first.headers.etag as string;
    expect(tag).toMatch(/^".+"$/);
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': tag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Another encoding is another representation, with its own tag.
    const plain = await get('/');
    expect(plain.headers.etag).not.toBe(tag);
    expect(plain.body.toString()).toBe(html);
    // The SPA's routes are index.html too.
    const route = await get('/facilitate/s/abc', { 'accept-encoding': 'br', 'if-none-match': tag });
    expect(route.status).toBe(304);
    // A new build: the tag changes and the page is sent again.
    write('index.html', html + '<!-- new build -->');
    const changed = await get('/', { 'accept-encoding': 'br', 'if-none-match': tag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(tag);
  });

  it('answers HEAD without a body and leaves the API alone', async () => {
    const head = await get('/assets/index-AbC123.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect((await get('/api/health')).body.toString()).toBe('next');
  });

  it('reads Accept-Encoding as browsers send it', () => {
    expect(accepts('gzip, deflate, br, zstd', 'br')).toBe(true);
    expect(accepts('gzip;q=1.0, br;q=0', 'br')).toBe(false);
    expect(accepts('*', 'gzip')).toBe(true);
    expect(accepts(undefined, 'gzip')).toBe(false);
    expect(accepts('identity', 'br')).toBe(false);
  });
});
