// The browser client: root client/, output dist/client (served by the game server when present).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const SERVER = process.env.PARITY_SERVER ?? 'http://localhost:2567';
const OUT = 'dist/client';

/**
 * After the build, every text file gets a brotli (.br) and a gzip (.gz) copy beside it, at the
 * best levels: the server sends the one the browser accepts (server/http/static.ts) and never
 * compresses on the fly.
 */
function precompress(): Plugin {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  return {
    name: 'parity-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(OUT)) {
        if (!/\.(js|mjs|css|html|svg|json|txt)$/.test(file)) continue;
        const raw = readFileSync(file);
        if (raw.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
        writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'client',
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: `../${OUT}`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: SERVER, changeOrigin: true },
      '/matchmake': { target: SERVER, changeOrigin: true },
      // The room's websocket goes straight to the game server (client/net/connection.ts
      // `defaultEndpoint`): its path is per room, so it is not proxied.
    },
  },
});
