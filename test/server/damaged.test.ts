// A match whose stored record no longer replays (a log the rules refuse): its room does not
// start, players and the facilitator are told why, it can be forked from its last good round,
// and the rest of the server goes on.
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { api, createMatch, startServer, type TestServer } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'parity-damaged-'));
const db = join(dir, 'parity.db');
let t: TestServer | null = null;
afterAll(async () => {
  await t?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const bots = { armenia: 'bot', azerbaijan: 'bot', russia: 'bot', eu: 'bot' };
const long = { news: 3600, planning: 3600, demands: 3600, negotiation: 3600, response: 3600, resolution: 3600, report: 3600 };

describe('a damaged record', () => {
  it('says so to players and the facilitator, forks from its last good round, and nothing else stops', async () => {
    t = await startServer({ db });
    const created = await api(t.url, '/api/sessions', { body: { name: 'Class', scenario: 'august-2022', rooms: 1, seats: bots, timers: long } });
    const { sessionId, facilitatorToken: token, rooms } = created.body;
    const room = rooms[0];
    // Round 1 played to its report and on into round 2.
    for (let i = 0; i < 8; i++) expect((await api(t.url, `/api/sessions/${sessionId}/control`, { body: { op: 'advance' }, token })).status).toBe(200);
    const good = (await api(t.url, `/api/matches/${room.matchId}`, { token })).body;
    expect(good.round).toBe(2);
    await t.stop();
    t = null;

    // The record gets an entry this version's rules refuse.
    const raw = new DatabaseSync(db);
    const bad = { kind: 'action', seat: 'armenia', action: { type: 'respond', demand: 'd999', answer: 'accept' } };
    raw
      .prepare('INSERT INTO journal (match_id, seq, at, log_end, body) VALUES (?1, (SELECT MAX(seq) + 1 FROM journal WHERE match_id = ?1), ?2, ?3, ?4)')
      .run(room.matchId, Date.now(), good.log.length + 1, JSON.stringify({ log: { from: good.log.length, entries: [bad] } }));
    raw.close();

    t = await startServer({ db });
    const join = await api(t.url, `/api/join/${room.code}`);
    expect(join.status).toBe(409);
    expect(join.body.error).toMatch(/cannot be replayed .*log entry \d+ .*refused on replay.*; the facilitator can fork it from round 1/);
    const overview = await api(t.url, `/api/sessions/${sessionId}/overview`, { token });
    expect(overview.status).toBe(200);
    expect(overview.body.rooms[0].damaged).toMatch(/cannot be replayed/);
    expect(overview.body.rooms[0].forkFrom).toBe(1);
    // Fork from the last good round; the fork starts.
    const fork = await api(t.url, `/api/sessions/${sessionId}/rooms/${room.matchId}/fork`, { body: { round: 1 }, token });
    expect(fork.status).toBe(201);
    expect((await api(t.url, `/api/join/${fork.body.code}`)).status).toBe(200);
    // The rest of the server goes on.
    const other = await createMatch(t.url, { seed: 3 });
    expect((await api(t.url, `/api/join/${other.code}`)).status).toBe(200);
    expect((await api(t.url, '/api/health')).body.ok).toBe(true);
  });
});
