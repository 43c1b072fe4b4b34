// Private PostgreSQL and Redis instances for the tests and bench:scale: each in a temporary
// directory on a free port, from Debian's packages (scripts/test-deps.ts installs them), stopped
// and removed after. PostgreSQL refuses to run as root: as root it runs as the `postgres` user.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface Service {
  url: string;
  stop(): Promise<void>;
}

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (name: string, env = process.env) => (env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, name)).find(executable) ?? null;

/** The directory holding PostgreSQL's initdb and pg_ctl: $PARITY_PG_BIN, Debian's newest, or PATH. */
export function findPostgresBin(env = process.env): string | null {
  if (env.PARITY_PG_BIN) return executable(join(env.PARITY_PG_BIN, 'pg_ctl')) ? env.PARITY_PG_BIN : null;
  try {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => executable(join('/usr/lib/postgresql', v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join('/usr/lib/postgresql', versions[0], 'bin');
  } catch {
    /* not Debian's layout */
  }
  const ctl = onPath('pg_ctl', env);
  return ctl && executable(join(ctl, '..', 'initdb')) ? join(ctl, '..') : null;
}

export const findRedis = (env = process.env): string | null => onPath('redis-server', env);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const asRoot = () => process.getuid?.() === 0;

/** Run a PostgreSQL tool, as the `postgres` user when we are root. */
function pgTool(bin: string, tool: string, args: string[]): void {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A PostgreSQL instance of its own: trust login as `parity`, no fsync (test data only). */
export async function startPostgres(): Promise<Service> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'parity-pg-'));
  if (asRoot()) {
    chmodSync(dir, 0o777);
    execFileSync('chown', ['postgres', dir]);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  pgTool(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'parity', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  pgTool(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  return {
    url: `postgres://parity@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        pgTool(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on a running instance; its URL. */
export async function freshDatabase(serverUrl: string): Promise<string> {
  const { default: pg } = await import('pg');
  const name = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return serverUrl.replace(/\/[^/]*$/, `/${name}`);
}

/** A Redis instance of its own, keeping nothing on disk. */
export async function startRedis(): Promise<Service> {
  const redis = findRedis();
  if (!redis) throw new Error('Redis is not installed (Debian: apt-get install redis-server)');
  const dir = mkdtempSync(join(tmpdir(), 'parity-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(redis, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'warning'], { stdio: 'ignore' });
  const { Socket } = await import('node:net');
  for (let i = 0; ; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1', () => {
        s.write('PING\r\n');
        s.once('data', (d) => (s.destroy(), resolve(String(d).startsWith('+PONG'))));
      });
    });
    if (up) break;
    if (i > 200 || child.exitCode !== null) throw new Error('redis-server did not start');
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
