import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/chromium.js';

describe('findChromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parity-chromium-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fake = join(dir, 'chromium');
  writeFileSync(fake, '#!/bin/sh\n');

  it('finds an executable named chromium on PATH, and nothing when it is not executable', () => {
    chmodSync(fake, 0o644);
    expect(findChromium({ PATH: dir })).toBeNull();
    chmodSync(fake, 0o755);
    expect(findChromium({ PATH: `/nonexistent:${dir}` })).toBe(fake);
  });

  it('takes $CHROMIUM first, and refuses one that is not there', () => {
    expect(findChromium({ CHROMIUM: fake, PATH: '' })).toBe(fake);
    expect(findChromium({ CHROMIUM: join(dir, 'missing'), PATH: dir })).toBeNull();
  });
});
