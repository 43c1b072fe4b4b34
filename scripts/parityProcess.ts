// A Parity server in a child process, as `npm start` runs it (server/main.ts with its V8 flags),
// for the tests that kill one and the benches.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/nodeFlags.js';

const ROOT = resolve(import.meta.dirname, '..');

export interface ParityProcess {
  child: ChildProcess;
  url: string;
  /** What it wrote to stderr so far. */
  errors(): string;
  /** SIGKILL: no warning, no clean-up. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit; its code. */
  stop(): Promise<number | null>;
}

export async function startParity(port: number, env: Record<string, string>, o: { nodeArgs?: string[]; stdout?: boolean } = {}): Promise<ParityProcess> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(o.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    // Tests' and benches' clients all come from this machine: no per-address limits, unless `env` sets them.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PARITY_LIMITS: 'off', ...env },
    stdio: ['ignore', o.stdout ? 'inherit' : 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const p: ParityProcess = {
    child,
    url,
    errors: () => err,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${err}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  await p.kill9();
  throw new Error(`server did not start: ${err}`);
}
