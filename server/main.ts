// `npm start`: one process serving the game on http://localhost:2567.
import { createParityServer } from './app.js';
import { SERVER_NODE_FLAGS } from './nodeFlags.js';

const missing = SERVER_NODE_FLAGS.filter((f) => !process.execArgv.includes(f));
if (missing.length) console.warn(`Parity: started without ${missing.join(' ')} (see server/nodeFlags.ts; npm start passes them)`);

const parity = createParityServer({
  port: Number(process.env.PORT ?? 2567),
  host: process.env.HOST ?? '0.0.0.0',
  db: process.env.PARITY_DB,
  signals: true,
  graceSeconds: process.env.PARITY_GRACE ? Number(process.env.PARITY_GRACE) : undefined,
  rate: process.env.PARITY_RATE ? { perSecond: Number(process.env.PARITY_RATE), burst: 2 * Number(process.env.PARITY_RATE) } : undefined,
  // Behind a reverse proxy: how many proxies stand in front (their X-Forwarded-For is believed).
  trustProxy: process.env.PARITY_TRUST_PROXY ? (Number(process.env.PARITY_TRUST_PROXY) || 1) : 0,
  origins: (process.env.PARITY_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  publicUrl: process.env.PARITY_PUBLIC_URL || undefined,
});
await parity.listen();
console.log(`Parity server on ${parity.url}`);
