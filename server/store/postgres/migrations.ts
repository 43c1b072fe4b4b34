// The PostgreSQL schema, as numbered steps: each process brings the database up to date when it
// starts (under an advisory lock, so processes starting together take turns).
import type { PoolClient } from 'pg';

export const MIGRATIONS: string[] = [
  // 1: matches and what happened in them; class sessions; uploaded scenarios.
  `
  CREATE TABLE matches (
    id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, scenario TEXT NOT NULL, name TEXT NOT NULL,
    seed BIGINT NOT NULL, seats TEXT NOT NULL, timers TEXT NOT NULL, token_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL, round INTEGER NOT NULL DEFAULT 1, phase TEXT NOT NULL DEFAULT 'news',
    ended TEXT, clock TEXT, listed BOOLEAN NOT NULL DEFAULT false,
    owner TEXT, owner_until BIGINT NOT NULL DEFAULT 0, wake_at BIGINT);
  CREATE INDEX matches_created ON matches (created_at DESC);
  CREATE INDEX matches_wake ON matches (wake_at) WHERE wake_at IS NOT NULL;
  CREATE INDEX matches_owner ON matches (owner) WHERE owner IS NOT NULL;
  CREATE TABLE participants (id BIGSERIAL PRIMARY KEY, match_id TEXT NOT NULL, seat TEXT NOT NULL, name TEXT NOT NULL, at BIGINT NOT NULL);
  CREATE INDEX participants_match ON participants (match_id, id);
  CREATE TABLE log (match_id TEXT NOT NULL, seq INTEGER NOT NULL, at BIGINT NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (match_id, seq));
  CREATE TABLE events (match_id TEXT NOT NULL, seq INTEGER NOT NULL, at BIGINT NOT NULL, event TEXT NOT NULL, PRIMARY KEY (match_id, seq));
  CREATE TABLE rounds (match_id TEXT NOT NULL, round INTEGER NOT NULL, meters TEXT NOT NULL, PRIMARY KEY (match_id, round));
  CREATE TABLE chat (match_id TEXT NOT NULL, id INTEGER NOT NULL, channel TEXT NOT NULL, seat TEXT NOT NULL,
    name TEXT NOT NULL, text TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (match_id, id));
  CREATE TABLE sessions (id TEXT PRIMARY KEY, name TEXT NOT NULL, scenario TEXT NOT NULL, seed BIGINT NOT NULL,
    timers TEXT NOT NULL, limits TEXT NOT NULL, token_hash TEXT NOT NULL, passphrase TEXT, created_at BIGINT NOT NULL);
  CREATE TABLE session_rooms (match_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, code TEXT NOT NULL, position INTEGER NOT NULL,
    label TEXT NOT NULL, fork_of TEXT, created_at BIGINT NOT NULL);
  CREATE INDEX session_rooms_session ON session_rooms (session_id, position);
  CREATE TABLE facilitator_log (id BIGSERIAL PRIMARY KEY, session_id TEXT NOT NULL, match_id TEXT,
    at BIGINT NOT NULL, op TEXT NOT NULL, detail TEXT NOT NULL, ok BOOLEAN NOT NULL, reason TEXT, amount INTEGER NOT NULL DEFAULT 0);
  CREATE INDEX facilitator_log_session ON facilitator_log (session_id, id);
  CREATE TABLE uploaded_scenarios (id TEXT PRIMARY KEY, original_id TEXT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL);
  `,
  // 2: seat keys' hashes (a match made before them has none, and its seats are open); uploads
  // belong to the session that uses them (those stored before had one already).
  `
  ALTER TABLE matches ADD COLUMN open BOOLEAN NOT NULL DEFAULT true;
  ALTER TABLE matches ADD COLUMN seat_keys TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE uploaded_scenarios ADD COLUMN session_id TEXT;
  UPDATE uploaded_scenarios SET session_id = 'before-owners';
  CREATE INDEX uploaded_scenarios_unclaimed ON uploaded_scenarios (created_at) WHERE session_id IS NULL;
  `,
  // 3: one heartbeat a process instead of a lease a match (store/leases.ts): a match's owner
  // holds it while the owner's row here is live.
  `
  CREATE TABLE owners (owner TEXT PRIMARY KEY, until BIGINT NOT NULL);
  ALTER TABLE matches DROP COLUMN owner_until;
  `,
  // 4: a match's log, events, rounds and chat in one journal, a row per write (store/journal.ts),
  // as SQLite keeps them; what the four tables held moves into it, an entry or event a row (each
  // with its time), a match's rounds in one and its chat in one.
  `
  CREATE TABLE journal (match_id TEXT NOT NULL, seq INTEGER NOT NULL, at BIGINT NOT NULL, log_end INTEGER, body TEXT NOT NULL, PRIMARY KEY (match_id, seq));
  INSERT INTO journal (match_id, seq, at, log_end, body)
  SELECT match_id, row_number() OVER (PARTITION BY match_id ORDER BY kind, k) - 1, at, log_end, body FROM (
    SELECT match_id, 0 AS kind, seq AS k, at, seq + 1 AS log_end, json_build_object('log', json_build_object('from', seq, 'entries', json_build_array(entry::json)))::text AS body FROM log
    UNION ALL SELECT match_id, 1, seq, at, NULL, json_build_object('events', json_build_object('from', seq, 'entries', json_build_array(event::json)))::text FROM events
    UNION ALL SELECT match_id, 2, 0, 0, NULL, json_build_object('rounds', json_agg(meters::json ORDER BY round))::text FROM rounds GROUP BY match_id
    UNION ALL SELECT match_id, 3, 0, 0, NULL, json_build_object('chat', json_agg(json_build_object('id', id, 'channel', channel, 'seat', seat, 'name', name, 'text', text, 'at', at) ORDER BY id))::text FROM chat GROUP BY match_id
  ) AS moved;
  DROP TABLE log, events, rounds, chat;
  `,
];

/** An arbitrary key for the advisory lock migrations run under. */
const LOCK = 7_726_101;

export async function migrate(c: PoolClient): Promise<void> {
  await c.query('BEGIN');
  try {
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const { rows } = await c.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    for (let v = rows[0].v ?? 0; v < MIGRATIONS.length; v++) {
      await c.query(MIGRATIONS[v]);
      await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [v + 1, Date.now()]);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
