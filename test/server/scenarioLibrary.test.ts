// Uploaded scenarios (issue 11): checked on a thread that stops when idle, kept parsed within the
// cache's bounds, owned by the session created with them, dropped when no session took them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioChecker } from '../../server/store/scenarioChecker.js';
import { ScenarioLibrary } from '../../server/store/scenarioLibrary.js';
import { SqliteSessionStore } from '../../server/store/sessionStore.js';

const BASE = readFileSync('scenarios/august-2022.json', 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scenario uploads', () => {
  it('checks files on a thread that stops when idle and starts again when needed', async () => {
    const checker = new ScenarioChecker(undefined, 100);
    expect(checker.running).toBe(false);
    const r = await checker.upload(BASE, 2 * 1024 * 1024);
    expect(r.ok).toBe(true);
    expect(checker.running).toBe(true);
    await sleep(400);
    expect(checker.running).toBe(false);
    const bad = await checker.upload('{"id": "x"}', 2 * 1024 * 1024);
    expect(bad.ok).toBe(false);
    checker.close();
  });

  it('keeps at most so many parsed, drops uploads no session took, keeps the ones one did', async () => {
    const sessions = new SqliteSessionStore(':memory:');
    const bounds = { cached: 2, cachedBytes: 10 * 1024 * 1024, unclaimedBytes: Infinity, unclaimedMs: 200 };
    const library = new ScenarioLibrary(sessions, undefined, bounds);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await library.upload(BASE);
        if (!r.ok) throw new Error(r.errors.join('; '));
        ids.push(r.upload.id);
        // Room for three stored uploads waiting, not four.
        if (i === 0) bounds.unclaimedBytes = 2 * r.upload.body.length + BASE.length;
      }
      // A fourth waits: three wait for a session already.
      const full = await library.upload(BASE);
      expect(full.ok || full.full).toBe(true);
      expect(full.ok).toBe(false);
      for (const id of ids) expect((await library.load(id))?.id).toBe(id);
      expect(library.cacheSize().count).toBe(2);
      library.claim(ids[0], 's1');
      await sleep(300);
      // The next upload sweeps the ones nobody took; the claimed one stays.
      expect((await library.upload(BASE)).ok).toBe(true);
      expect(sessions.readScenario(ids[0])?.sessionId).toBe('s1');
      expect(sessions.readScenario(ids[1])).toBeNull();
      expect(library.find(ids[2])).toBeNull();
    } finally {
      library.close();
      sessions.close();
    }
  });
});
