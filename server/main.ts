// `npm start`: one process serving the game on http://localhost:2567, on an embedded SQLite file.
// Several processes behind a proxy: DATABASE_URL (PostgreSQL), PARITY_REDIS_URL (Colyseus's Redis
// presence and driver) and a PARITY_PUBLIC_ADDRESS each (docs/deploy.md).
import { createParityServer } from './app.js';
import { NO_LIMITS } from './http/limits.js';
import { SERVER_NODE_FLAGS } from './nodeFlags.js';

const missing = SERVER_NODE_FLAGS.filter((f) => !process.execArgv.includes(f));
if (missing.length) console.warn(`Parity: started without ${missing.join(' ')} (see server/nodeFlags.ts; npm start passes them)`);

const env = process.env;
const num = (name: string) => (env[name] ? Number(env[name]) : undefined);
if (env.PARITY_REDIS_URL && !env.DATABASE_URL) console.warn('Parity: PARITY_REDIS_URL without DATABASE_URL: several processes cannot share one SQLite file');

const parity = createParityServer({
  port: num('PORT') ?? 2567,
  host: env.HOST ?? '0.0.0.0',
  db: env.PARITY_DB,
  databaseUrl: env.DATABASE_URL,
  redisUrl: env.PARITY_REDIS_URL,
  publicAddress: env.PARITY_PUBLIC_ADDRESS,
  maxDbPages: num('PARITY_DB_MAX_PAGES'),
  batchGapMs: num('PARITY_BATCH_GAP_MS'),
  leaseMs: num('PARITY_LEASE_MS'),
  wakeEveryMs: num('PARITY_WAKE_MS'),
  idleSeconds: num('PARITY_IDLE_SECONDS'),
  signals: true,
  graceSeconds: num('PARITY_GRACE'),
  rate: env.PARITY_RATE ? { perSecond: Number(env.PARITY_RATE), burst: 2 * Number(env.PARITY_RATE) } : undefined,
  // Behind a reverse proxy: how many proxies stand in front (their X-Forwarded-For is believed).
  trustProxy: env.PARITY_TRUST_PROXY ? (Number(env.PARITY_TRUST_PROXY) || 1) : 0,
  origins: (env.PARITY_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  publicUrl: env.PARITY_PUBLIC_URL || undefined,
  // PARITY_LIMITS=off lifts the per-address limits: for benches and tests, whose thousands of
  // clients all come from one address (never on a server open to strangers).
  limits: env.PARITY_LIMITS === 'off' ? NO_LIMITS : undefined,
});
await parity.listen();
console.log(`Parity server on ${parity.url}${env.DATABASE_URL ? ' (PostgreSQL' : ' (SQLite'}${env.PARITY_REDIS_URL ? ', Redis)' : ')'}`);
