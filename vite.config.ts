// The browser client: root client/, output dist/client (served by the game server when present).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const SERVER = process.env.PARITY_SERVER ?? 'http://localhost:2567';

export default defineConfig({
  root: 'client',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
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
