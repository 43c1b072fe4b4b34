// The shared store: PostgreSQL (DATABASE_URL), for several processes behind one proxy. The same
// interface and tests as the SQLite store. The rooms' turns of one batch (writeQueue.ts) go in one
// statement whatever their number: each table's rows of every write at once (unnest), so a batch of
// 200 rooms costs about the round trip of one. A match's log, events, rounds and chat are its
// journal (../journal.ts), a row per write, as on SQLite.
import pg from 'pg';
import type { FacilitatorLogEntry } from '../../../shared/protocol/index.js';
import type { PlayingSeat } from '../../../shared/scenario/schema.js';
import { StoreUnavailable, wakeAt, type MatchRecord, type MatchRow, type MatchWrite, type NewMatch } from '../matchStore.js';
import { foldJournal, journalEntry, type JournalBody } from '../journal.js';
import { MATCH_COLUMNS, toLog, toParticipant, toRoom, toRow, toScenario, toSession, toUsage } from '../rows.js';
import type { NewLogEntry, SessionRoom, SessionRow, Store, UploadedScenarioRow, Usage } from '../sessionStore.js';
import { WriteQueue, type RetryPolicy, type WriteOutcome } from '../writeQueue.js';
import { migrate } from './migrations.js';

/** BIGINT columns (times, seeds) as numbers: every value the store keeps is below 2^53. */
const types = { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format)) };

/**
 * Errors of the data, not of the connection (SQLSTATE classes 21 cardinality, 22 data, 23
 * constraint): the batch is written again one write at a time, to find the one at fault.
 */
const dataError = (e: unknown) => /^2[123]/.test(String((e as { code?: string }).code ?? '')) && !journalRace(e);

/**
 * Two writes of one match in transactions at once (writers that check no owner) both took the
 * seq after the last row they saw: the batch is tried again as a whole, and its statement sees the
 * other's row then.
 */
const journalRace = (e: unknown) => (e as { code?: string; constraint?: string }).code === '23505' && (e as { constraint?: string }).constraint === 'journal_pkey';

type Q = Pick<pg.PoolClient, 'query'>;

/** `$1`'s heartbeat, live until `$2` (never moved back: a claim may run beside a renewal). */
const UPSERT_BEAT = `INSERT INTO owners (owner, until) VALUES ($1, $2) ON CONFLICT (owner) DO UPDATE SET until = GREATEST(owners.until, EXCLUDED.until)`;
const BEAT = `beat AS (${UPSERT_BEAT})`;
/** The holder of match `m` has no live heartbeat at `now` (a parameter): its process died or lost the store. */
const lapsed = (now: string) => `NOT EXISTS (SELECT 1 FROM owners o WHERE o.owner = m.owner AND o.until >= ${now})`;
/** Heartbeats this old are dropped: their processes are long gone (and their matches free). */
const FORGET_OWNERS_MS = 3_600_000;

/**
 * The parts of a batch's statement (`apply`), each a CTE over its own parameters, `$1`… counted
 * from one within the part. A batch's statement holds only the parts it has rows for: a
 * statement of every part cost about as much again on its empty ones (each CTE set up and run).
 * `held` locks the batch's matches in id order (two batches of the same matches do not wait for
 * each other in a circle) and `ok` keeps those this process still holds.
 */
const PARTS = {
  // A write's journal row follows the match's last (one write of a match a batch: writeQueue.ts).
  put_journal: `INSERT INTO journal (match_id, seq, at, log_end, body)
  SELECT r.id, COALESCE((SELECT MAX(j.seq) FROM journal j WHERE j.match_id = r.id), -1) + 1, r.at, r.log_end, r.body
  FROM unnest($1::text[], $2::bigint[], $3::int[], $4::text[]) AS r(id, at, log_end, body) WHERE r.id IN (SELECT id FROM ok)`,
  put_standing: `UPDATE matches m SET round = s.round, phase = s.phase, ended = s.ended, clock = s.clock, wake_at = s.wake_at
  FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[]) AS s(id, round, phase, ended, clock, wake_at) WHERE m.id = s.id AND s.id IN (SELECT id FROM ok)`,
  put_joined: `INSERT INTO participants (match_id, seat, name, at)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS r(id, seat, name, at) WHERE r.id IN (SELECT id FROM ok)`,
  put_lines: `INSERT INTO facilitator_log (session_id, match_id, at, op, detail, ok, reason, amount)
  SELECT session_id, match_id, at, op, detail, ok, reason, amount
  FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::int[]) AS r(for_match, session_id, match_id, at, op, detail, ok, reason, amount)
  WHERE r.for_match IN (SELECT id FROM ok)`,
};
type Part = keyof typeof PARTS;

const HEAD = `WITH w AS (SELECT * FROM unnest($1::text[], $2::text[]) AS w(id, owner)),
held AS (SELECT m.id, m.owner FROM matches m WHERE m.id = ANY($1::text[]) ORDER BY m.id FOR UPDATE),
ok AS (SELECT w.id FROM w JOIN held h ON h.id = w.id WHERE w.owner IS NULL OR w.owner = h.owner)`;
const TAIL = `SELECT w.id, h.id IS NOT NULL AS found, h.owner FROM w LEFT JOIN held h ON h.id = w.id`;

export const PART_NAMES = Object.keys(PARTS) as Part[];

/**
 * The statement for a batch with these parts (in PARTS's order), each part's `$n` moved past the
 * ones before it. Named by the set's bits: PostgreSQL cuts a name at 63 bytes, and two sets
 * spelled out once came to the same name there ("prepared statement already exists").
 */
const statements = new Map<string, string>();
export function batchStatement(parts: Part[]): { name: string; text: string } {
  const name = `parity-batch-${parts.reduce((bits, p) => bits | (1 << PART_NAMES.indexOf(p)), 0)}`;
  let text = statements.get(name);
  if (text === undefined) {
    let next = 3;
    const ctes = parts.map((p) => {
      const base = next - 1;
      const sql = PARTS[p].replace(/\$(\d+)/g, (_, i: string) => `$${base + Number(i)}`);
      next += (PARTS[p].match(/\$\d+/g) ?? []).reduce((n, m) => Math.max(n, Number(m.slice(1))), 0);
      return `,\n${p} AS (${sql})`;
    });
    text = `${HEAD}${ctes.join('')}\n${TAIL}`;
    statements.set(name, text);
  }
  return { name, text };
}

/**
 * The least time between the starts of two batches of a process (PARITY_BATCH_GAP_MS). A
 * statement's fixed cost, on both sides of the connection, is most of a small batch's: with none,
 * a batch held 1–5 writes at 1,000 rooms. Spaced, each gathers the turns of a few milliseconds;
 * a write after a quiet spell still goes at once. bench:scale against no gap in the same
 * invocation, three times: PostgreSQL's CPU 5.2/5.4/10.0 (four runs) against 7.9/7.9/16.0 s,
 * server CPU 312/315/311 against 350/350/344 µs a message, the machine 55–57% busy against 64–66%;
 * p95 11.5/13.1/12.1 against 14.9/15.7/11.0 ms (inside the noise), p50 3.1 against 2.0 ms. Gaps
 * of 4–8 ms cut the CPU further (2.0–3.3 s a run) but gained no p95 and cost p50 (4.5–7.1 ms).
 */
export const BATCH_GAP_MS = 2;

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly ready: Promise<void>;
  private pool: pg.Pool;
  private writes: WriteQueue;

  constructor(url: string, retry?: RetryPolicy, gapMs = BATCH_GAP_MS) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 6,
      connectionTimeoutMillis: 2000,
      // A statement that waits longer (a lock, a stalled server) fails and its batch is tried again.
      statement_timeout: 2000,
      query_timeout: 2500,
      idle_in_transaction_session_timeout: 5000,
      // Short statements only: compiling one (JIT) would cost more than running it.
      options: '-c jit=off -c plan_cache_mode=force_generic_plan',
      types,
    } as pg.PoolConfig);
    // An idle connection that breaks (the server restarted) is dropped and replaced.
    this.pool.on('error', (e) => console.error('[store] postgres connection lost:', e.message));
    this.ready = this.withClient(migrate);
    this.writes = new WriteQueue((batch) => this.commit(batch), { ...retry, gapMs });
  }

  private async withClient<T>(f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      return await f(c);
    } finally {
      c.release();
    }
  }

  /** A query on any connection; a connection that cannot be had is StoreUnavailable. */
  private async q<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, params)).rows;
    } catch (e) {
      throw dataError(e) ? e : new StoreUnavailable(e instanceof Error ? e.message : String(e));
    }
  }

  // ---- Matches ----

  async createMatch(m: NewMatch): Promise<void> {
    await this.q(`INSERT INTO matches (id, code, scenario, name, seed, seats, timers, token_hash, created_at, listed, open, seat_keys) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`, [
      m.id, m.code, m.scenario, m.name, m.seed, JSON.stringify(m.seats), JSON.stringify(m.timers), m.tokenHash, m.createdAt, !!m.listed, !!m.open, JSON.stringify(m.seatKeys),
    ]);
  }

  async setSeatKey(id: string, seat: PlayingSeat, key: { v: number; hash: string }): Promise<void> {
    await this.q(`UPDATE matches SET seat_keys = jsonb_set(seat_keys::jsonb, ARRAY[$1::text], $2::jsonb)::text WHERE id = $3`, [seat, JSON.stringify(key), id]);
  }

  async findByCode(code: string): Promise<MatchRow | null> {
    const [r] = await this.q(`SELECT ${MATCH_COLUMNS} FROM matches WHERE code = $1`, [code]);
    return r ? toRow(r) : null;
  }

  /** Read in one snapshot, so the log, events and chat agree with each other. */
  async readMatch(id: string): Promise<MatchRecord | null> {
    try {
      return await this.withClient(async (c) => {
        await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        try {
          const [r] = (await c.query(`SELECT ${MATCH_COLUMNS} FROM matches WHERE id = $1`, [id])).rows;
          if (!r) return null;
          const all = async (sql: string) => (await c.query(sql, [id])).rows;
          return {
            ...toRow(r),
            participants: (await all(`SELECT seat, name, at FROM participants WHERE match_id = $1 ORDER BY id`)).map(toParticipant),
            ...foldJournal((await all(`SELECT at, body FROM journal WHERE match_id = $1 ORDER BY seq`)).map((x) => ({ at: Number(x.at), body: JSON.parse(String(x.body)) as JournalBody }))),
          };
        } finally {
          await c.query('COMMIT').catch(() => undefined);
        }
      });
    } catch (e) {
      throw new StoreUnavailable(e instanceof Error ? e.message : String(e));
    }
  }

  async listMatches(limit = 100): Promise<MatchRow[]> {
    return (await this.q(`SELECT ${MATCH_COLUMNS} FROM matches ORDER BY created_at DESC LIMIT $1`, [limit])).map(toRow);
  }

  async listOpenMatches(limit = 50): Promise<MatchRow[]> {
    return (await this.q(`SELECT ${MATCH_COLUMNS} FROM matches WHERE listed AND ended IS NULL ORDER BY created_at DESC LIMIT $1`, [limit])).map(toRow);
  }

  write(w: MatchWrite): Promise<void> {
    return this.writes.write(w);
  }

  /** The batch in one statement; a write whose data is at fault is found by writing them one by one. */
  private async commit(writes: MatchWrite[]): Promise<WriteOutcome[]> {
    try {
      return await this.apply(writes);
    } catch (e) {
      if (!dataError(e)) throw e;
      if (writes.length === 1) return [{ failed: e instanceof Error ? e.message : String(e) }];
      const out: WriteOutcome[] = [];
      for (const w of writes) out.push(...(await this.commit([w])));
      return out;
    }
  }

  /**
   * Every write of the batch in one statement (so one round trip, and atomic without BEGIN and
   * COMMIT): the batch's matches are locked and fenced — a write for a match another process's
   * room holds now is left out — then each table gets all its rows at once (unnest): the journal
   * a row per write (its cut, if any, is in the row and applied when the record is read).
   */
  private async apply(writes: MatchWrite[]): Promise<WriteOutcome[]> {
    const cols = <T>(rows: T[], ...pick: ((r: T) => unknown)[]) => pick.map((f) => rows.map(f));
    const journal = writes.flatMap((w) => {
      const j = journalEntry(w);
      return j ? [{ id: w.matchId, at: w.at, ...j }] : [];
    });
    const standing = writes.filter((w) => w.standing);
    const joined = writes.flatMap((w) => w.participants.map((p) => ({ ...p, matchId: w.matchId })));
    const lines = writes.flatMap((w) => w.facilitatorLog.map((l) => ({ ...l, forMatch: w.matchId })));
    // Each part with its rows, or null when it has none (and is left out of the statement).
    const values: Record<Part, unknown[][] | null> = {
      put_journal: journal.length ? cols(journal, (r) => r.id, (r) => r.at, (r) => r.logEnd, (r) => r.body) : null,
      put_standing: standing.length
        ? cols(standing, (w) => w.matchId, (w) => w.standing!.round, (w) => w.standing!.phase, (w) => w.standing!.ended, (w) => (w.standing!.clock ? JSON.stringify(w.standing!.clock) : null), (w) => wakeAt(w.standing!))
        : null,
      put_joined: joined.length ? cols(joined, (p) => p.matchId, (p) => p.seat, (p) => p.name, (p) => p.at) : null,
      put_lines: lines.length
        ? cols(lines, (l) => l.forMatch, (l) => l.sessionId, (l) => l.matchId, (l) => l.at, (l) => l.op, (l) => JSON.stringify(l.detail), (l) => l.ok, (l) => l.reason ?? null, (l) => l.amount ?? 0)
        : null,
    };
    const parts = PART_NAMES.filter((p) => values[p]);
    const params = [...cols(writes, (w) => w.matchId, (w) => w.owner), ...parts.flatMap((p) => values[p]!)];
    // Prepared once per connection and shape: planning these CTEs took longer than running them.
    const { rows } = await this.pool.query<{ id: string; found: boolean; owner: string | null }>({ ...batchStatement(parts), values: params });
    const held = new Map(rows.map((r) => [r.id, r]));
    return writes.map((w) => {
      const h = held.get(w.matchId);
      if (!h?.found) return { failed: `no match ${w.matchId}` };
      return w.owner !== null && h.owner !== w.owner ? { notOwner: true } : null;
    });
  }

  /** The owner's heartbeat kept in the same statement, so what it claims is never held by a lapsed owner. */
  async claim(matchId: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = Date.now();
    return (await this.q(`WITH ${BEAT} UPDATE matches m SET owner = $1 WHERE id = $3 AND (owner IS NULL OR owner = $1 OR ${lapsed('$4')}) RETURNING id`, [owner, now + leaseMs, matchId, now])).length === 1;
  }

  /** One row whatever the process holds; owners gone an hour are dropped on the way. */
  async renewOwner(owner: string, leaseMs: number): Promise<void> {
    const now = Date.now();
    await this.q(`WITH gone AS (DELETE FROM owners WHERE until < $3) ${UPSERT_BEAT}`, [owner, now + leaseMs, now - FORGET_OWNERS_MS]);
  }

  async release(matchId: string, owner: string): Promise<void> {
    await this.q(`UPDATE matches SET owner = NULL WHERE id = $1 AND owner = $2`, [matchId, owner]);
  }

  async releaseAll(): Promise<void> {
    await this.q(`WITH l AS (SELECT id FROM matches WHERE owner IS NOT NULL ORDER BY id FOR UPDATE) UPDATE matches m SET owner = NULL FROM l WHERE m.id = l.id`);
  }

  /** Due matches no live process holds, each claimed by one process: rows another is claiming are skipped. */
  async claimDue(owner: string, now: number, leaseMs: number, limit: number): Promise<string[]> {
    const rows = await this.q<{ id: string }>(
      `WITH ${BEAT} UPDATE matches SET owner = $1 WHERE id IN (
         SELECT id FROM matches m WHERE wake_at IS NOT NULL AND wake_at <= $3 AND ended IS NULL AND (owner IS NULL OR ${lapsed('$3')})
         ORDER BY wake_at LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING id`,
      [owner, now + leaseMs, now, limit],
    );
    return rows.map((r) => r.id);
  }

  // ---- Class sessions ----

  async createSession(s: SessionRow): Promise<void> {
    await this.q(`INSERT INTO sessions (id, name, scenario, seed, timers, limits, token_hash, passphrase, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, [
      s.id, s.name, s.scenario, s.seed, JSON.stringify(s.timers), JSON.stringify(s.limits), s.tokenHash, s.passphrase, s.createdAt,
    ]);
  }

  async readSession(id: string): Promise<SessionRow | null> {
    const [r] = await this.q(`SELECT * FROM sessions WHERE id = $1`, [id]);
    return r ? toSession(r) : null;
  }

  async addRoom(r: SessionRoom): Promise<void> {
    await this.q(`INSERT INTO session_rooms (match_id, session_id, code, position, label, fork_of, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`, [
      r.matchId, r.sessionId, r.code, r.position, r.label, r.forkOf ? JSON.stringify(r.forkOf) : null, r.createdAt,
    ]);
  }

  async rooms(sessionId: string): Promise<SessionRoom[]> {
    return (await this.q(`SELECT * FROM session_rooms WHERE session_id = $1 ORDER BY position`, [sessionId])).map(toRoom);
  }

  async roomOf(matchId: string): Promise<SessionRoom | null> {
    const [r] = await this.q(`SELECT * FROM session_rooms WHERE match_id = $1`, [matchId]);
    return r ? toRoom(r) : null;
  }

  async log(row: NewLogEntry): Promise<FacilitatorLogEntry> {
    const id = await this.insertLog(this.pool, row).catch((e) => {
      throw dataError(e) ? e : new StoreUnavailable(e instanceof Error ? e.message : String(e));
    });
    const { amount: _a, ...rest } = row;
    return { ...rest, id };
  }

  private async insertLog(c: Q, row: NewLogEntry): Promise<number> {
    const { rows } = await c.query<{ id: number }>(`INSERT INTO facilitator_log (session_id, match_id, at, op, detail, ok, reason, amount) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`, [
      row.sessionId, row.matchId, row.at, row.op, JSON.stringify(row.detail), row.ok, row.reason ?? null, row.amount ?? 0,
    ]);
    return Number(rows[0].id);
  }

  async readLog(sessionId: string, matchId?: string): Promise<FacilitatorLogEntry[]> {
    const rows =
      matchId === undefined
        ? await this.q(`SELECT * FROM facilitator_log WHERE session_id = $1 ORDER BY id`, [sessionId])
        : await this.q(`SELECT * FROM facilitator_log WHERE session_id = $1 AND match_id = $2 ORDER BY id`, [sessionId, matchId]);
    return rows.map(toLog);
  }

  async usage(sessionId: string): Promise<Map<string, Usage>> {
    return toUsage(
      await this.q(`SELECT match_id, op, COUNT(*) AS n, SUM(amount) AS total FROM facilitator_log WHERE session_id = $1 AND ok AND op IN ('pause', 'extend') GROUP BY match_id, op`, [sessionId]),
    );
  }

  async saveScenario(s: UploadedScenarioRow): Promise<void> {
    await this.q(`INSERT INTO uploaded_scenarios (id, original_id, body, created_at, session_id) VALUES ($1,$2,$3,$4,$5)`, [s.id, s.originalId, s.body, s.createdAt, s.sessionId]);
  }

  async claimScenario(id: string, sessionId: string): Promise<void> {
    await this.q(`UPDATE uploaded_scenarios SET session_id = $1 WHERE id = $2 AND session_id IS NULL`, [sessionId, id]);
  }

  async dropUnclaimedScenarios(before: number): Promise<string[]> {
    return (await this.q(`DELETE FROM uploaded_scenarios WHERE session_id IS NULL AND created_at < $1 RETURNING id`, [before])).map((r) => String(r.id));
  }

  async unclaimedScenarioBytes(): Promise<number> {
    const [r] = await this.q(`SELECT COALESCE(SUM(LENGTH(body)), 0) AS n FROM uploaded_scenarios WHERE session_id IS NULL`);
    return Number(r?.n ?? 0);
  }

  async readScenario(id: string): Promise<UploadedScenarioRow | null> {
    const [r] = await this.q(`SELECT * FROM uploaded_scenarios WHERE id = $1`, [id]);
    return r ? toScenario(r) : null;
  }

  async logLength(matchId: string): Promise<number> {
    const [r] = await this.q(`SELECT log_end AS n FROM journal WHERE match_id = $1 AND log_end IS NOT NULL ORDER BY seq DESC LIMIT 1`, [matchId]);
    return Number(r?.n ?? 0);
  }

  async close(): Promise<void> {
    await this.writes.close();
    await this.pool.end();
  }
}
