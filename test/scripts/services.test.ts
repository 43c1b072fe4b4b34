// Where the tests find PostgreSQL and Redis (scripts/services.ts), as scripts/test-deps.ts asks.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPostgresBin, findRedis } from '../../scripts/services.js';

describe('finding PostgreSQL and Redis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-services-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const tool = (name: string, mode = 0o755) => {
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), mode);
  };

  it('takes $PARITY_PG_BIN when it holds pg_ctl, and nothing when it does not', () => {
    expect(findPostgresBin({ PARITY_PG_BIN: dir, PATH: '' })).toBeNull();
    tool('pg_ctl');
    expect(findPostgresBin({ PARITY_PG_BIN: dir, PATH: '' })).toBe(dir);
  });

  it('finds initdb and pg_ctl together on PATH', () => {
    const only = join(dir, 'only');
    mkdirSync(only);
    writeFileSync(join(only, 'pg_ctl'), '');
    chmodSync(join(only, 'pg_ctl'), 0o755);
    // Debian's own directory may be there too: PATH is tried only without it.
    const found = findPostgresBin({ PATH: only });
    expect(found === null || found.startsWith('/usr/lib/postgresql/')).toBe(true);
  });

  it('finds an executable redis-server on PATH', () => {
    tool('redis-server', 0o644);
    expect(findRedis({ PATH: dir })).toBeNull();
    tool('redis-server');
    expect(findRedis({ PATH: `/nonexistent:${dir}` })).toBe(join(dir, 'redis-server'));
  });
});
