// `npm start` and bench:server run the server with the same V8 flags (server/nodeFlags.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/nodeFlags.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('the server’s V8 flags', () => {
  it('are the ones npm start passes', () => {
    const start: string = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).scripts.start;
    expect(start).toBe(`tsx ${SERVER_NODE_FLAGS.join(' ')} server/main.ts`);
  });

  it('are the ones bench:server starts the server with', () => {
    const bench = readFileSync(resolve(ROOT, 'bench', 'server.ts'), 'utf8');
    expect(bench).toMatch(/spawn\(process\.execPath, \[\.\.\.SERVER_NODE_FLAGS, /);
  });
});
