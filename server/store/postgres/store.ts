// The shared store: PostgreSQL (DATABASE_URL), for several processes behind one proxy. The same
// interface and tests as the SQLite store. The rooms' turns of one batch (writeQueue.ts) go in one
// transaction of a few statements whatever their number: each table's rows of every write at once
// (unnest), so a batch of 200 rooms costs about the round trips of one.
import pg from 'pg';
import type { FacilitatorLogEntry } from '../../../shared/protocol/index.js';
import { StoreUnavailable, wakeAt, type MatchRecord, type MatchRow, type MatchWrite, type NewMatch } from '../matchStore.js';
import { MATCH_COLUMNS, toChat, toLog, toParticipant, toRoom, toRow, toScenario, toSession, toStored, toUsage } from '../rows.js';
import type { NewLogEntry, SessionRoom, SessionRow, Store, UploadedScenarioRow, Usage } from '../sessionStore.js';
import { WriteQueue, type RetryPolicy, type WriteOutcome } from '../writeQueue.js';
import { migrate } from './migrations.js';

/** BIGINT columns (times, seeds) as numbers: every value the store keeps is below 2^53. */
const types = { getTypeParser: (oid: number, format?: string) => (oid === 20 ? Number : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format)) };

/**
 * Errors of the data, not of the connection (SQLSTATE classes 21 cardinality, 22 data, 23
 * constraint): the batch is written again one write at a time, to find the one at fault.
 */
const dataError = (e: unknown) => /^2[123]/.test(String((e as { code?: string }).code ?? ''));

type Q = Pick<pg.PoolClient, 'query'>;

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly ready: Promise<void>;
  private pool: pg.Pool;
  private writes: WriteQueue;

  constructor(url: string, retry?: RetryPolicy) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 6,
      connectionTimeoutMillis: 2000,
      // A statement that waits longer (a lock, a stalled server) fails and its batch is tried again.
      statement_timeout: 2000,
      query_timeout: 2500,
      idle_in_transaction_session_timeout: 5000,
      types,
    } as pg.PoolConfig);
    // An idle connection that breaks (the server restarted) is dropped and replaced.
    this.pool.on('error', (e) => console.error('[store] postgres connection lost:', e.message));
    this.ready = this.withClient(migrate);
    this.writes = new WriteQueue((batch) => this.commit(batch), retry);
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

  private async tx<T>(f: (c: Q) => Promise<T>): Promise<T> {
    return this.withClient(async (c) => {
      await c.query('BEGIN');
      try {
        const out = await f(c);
        await c.query('COMMIT');
        return out;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  // ---- Matches ----

  async createMatch(m: NewMatch): Promise<void> {
    await this.q(`INSERT INTO matches (id, code, scenario, name, seed, seats, timers, token_hash, created_at, listed) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`, [
      m.id, m.code, m.scenario, m.name, m.seed, JSON.stringify(m.seats), JSON.stringify(m.timers), m.tokenHash, m.createdAt, !!m.listed,
    ]);
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
            log: (await all(`SELECT seq, at, entry FROM log WHERE match_id = $1 ORDER BY seq`)).map(toStored('entry')),
            events: (await all(`SELECT seq, at, event FROM events WHERE match_id = $1 ORDER BY seq`)).map(toStored('event')),
            rounds: (await all(`SELECT meters FROM rounds WHERE match_id = $1 ORDER BY round`)).map((x) => JSON.parse(String(x.meters))),
            chat: (await all(`SELECT id, channel, seat, name, text, at FROM chat WHERE match_id = $1 ORDER BY id`)).map(toChat),
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

  /** The batch in one transaction; a write whose data is at fault is found by writing them one by one. */
  private async commit(writes: MatchWrite[]): Promise<WriteOutcome[]> {
    try {
      return await this.tx((c) => this.apply(c, writes));
    } catch (e) {
      if (!dataError(e) || writes.length === 1) {
        if (writes.length === 1 && dataError(e)) return [{ failed: e instanceof Error ? e.message : String(e) }];
        throw e;
      }
      const out: WriteOutcome[] = [];
      for (const w of writes) out.push(...(await this.commit([w])));
      return out;
    }
  }

  private async apply(c: Q, writes: MatchWrite[]): Promise<WriteOutcome[]> {
    // Lock the batch's matches (a claim by another process waits for this commit), and fence:
    // a write for a match another process's room holds now is left out.
    const ids = [...new Set(writes.map((w) => w.matchId))];
    const held = new Map((await c.query<{ id: string; owner: string | null }>(`SELECT id, owner FROM matches WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [ids])).rows.map((r) => [r.id, r.owner]));
    const outcomes: WriteOutcome[] = writes.map((w) => (!held.has(w.matchId) ? { failed: `no match ${w.matchId}` } : w.owner !== null && held.get(w.matchId) !== w.owner ? { notOwner: true } : null));
    const ok = writes.filter((_, i) => outcomes[i] === null);
    if (!ok.length) return outcomes;

    const cols = <T>(rows: T[], ...pick: ((r: T) => unknown)[]) => pick.map((f) => rows.map(f));
    for (const [table, key, part] of [
      ['log', 'entry', 'log'],
      ['events', 'event', 'events'],
    ] as const) {
      // The stored entries end where the write's end: none past it (a lost write's, written again).
      await c.query(`DELETE FROM ${table} t USING unnest($1::text[], $2::int[]) AS c(id, upto) WHERE t.match_id = c.id AND t.seq >= c.upto`, cols(ok, (w) => w.matchId, (w) => w[part].from + w[part].entries.length));
      const rows = ok.flatMap((w) => w[part].entries.map((e, i) => ({ id: w.matchId, seq: w[part].from + i, at: w.at, body: JSON.stringify(e) })));
      if (rows.length) {
        await c.query(
          `INSERT INTO ${table} (match_id, seq, at, ${key}) SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[])
           ON CONFLICT (match_id, seq) DO UPDATE SET at = EXCLUDED.at, ${key} = EXCLUDED.${key}`,
          cols(rows, (r) => r.id, (r) => r.seq, (r) => r.at, (r) => r.body),
        );
      }
    }
    const rounds = ok.flatMap((w) => w.rounds.map((r) => ({ id: w.matchId, round: r.round, meters: JSON.stringify(r) })));
    if (rounds.length) {
      const last = ok.filter((w) => w.rounds.length);
      await c.query(`DELETE FROM rounds t USING unnest($1::text[], $2::int[]) AS c(id, last) WHERE t.match_id = c.id AND t.round > c.last`, cols(last, (w) => w.matchId, (w) => w.rounds[w.rounds.length - 1].round));
      await c.query(
        `INSERT INTO rounds (match_id, round, meters) SELECT * FROM unnest($1::text[], $2::int[], $3::text[]) ON CONFLICT (match_id, round) DO UPDATE SET meters = EXCLUDED.meters`,
        cols(rounds, (r) => r.id, (r) => r.round, (r) => r.meters),
      );
    }
    const standing = ok.filter((w) => w.standing);
    if (standing.length) {
      await c.query(
        `UPDATE matches m SET round = s.round, phase = s.phase, ended = s.ended, clock = s.clock, wake_at = s.wake_at
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[]) AS s(id, round, phase, ended, clock, wake_at) WHERE m.id = s.id`,
        cols(standing, (w) => w.matchId, (w) => w.standing!.round, (w) => w.standing!.phase, (w) => w.standing!.ended, (w) => (w.standing!.clock ? JSON.stringify(w.standing!.clock) : null), (w) => wakeAt(w.standing!)),
      );
    }
    const chat = ok.flatMap((w) => w.chat.map((m) => ({ ...m, matchId: w.matchId })));
    if (chat.length) {
      await c.query(
        `INSERT INTO chat (match_id, id, channel, seat, name, text, at) SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[])
         ON CONFLICT (match_id, id) DO UPDATE SET channel = EXCLUDED.channel, seat = EXCLUDED.seat, name = EXCLUDED.name, text = EXCLUDED.text, at = EXCLUDED.at`,
        cols(chat, (m) => m.matchId, (m) => m.id, (m) => m.channel, (m) => m.seat, (m) => m.name, (m) => m.text, (m) => m.at),
      );
    }
    const joined = ok.flatMap((w) => w.participants.map((p) => ({ ...p, matchId: w.matchId })));
    if (joined.length) {
      await c.query(`INSERT INTO participants (match_id, seat, name, at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])`, cols(joined, (p) => p.matchId, (p) => p.seat, (p) => p.name, (p) => p.at));
    }
    for (const w of ok) for (const line of w.facilitatorLog) await this.insertLog(c, line);
    return outcomes;
  }

  async claim(matchId: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = Date.now();
    return (await this.q(`UPDATE matches SET owner = $1, owner_until = $2 WHERE id = $3 AND (owner IS NULL OR owner = $1 OR owner_until < $4) RETURNING id`, [owner, now + leaseMs, matchId, now])).length === 1;
  }

  async renewLeases(owner: string, matchIds: string[], leaseMs: number): Promise<void> {
    if (matchIds.length) await this.q(`UPDATE matches SET owner_until = $1 WHERE owner = $2 AND id = ANY($3)`, [Date.now() + leaseMs, owner, matchIds]);
  }

  async release(matchId: string, owner: string): Promise<void> {
    await this.q(`UPDATE matches SET owner = NULL, owner_until = 0 WHERE id = $1 AND owner = $2`, [matchId, owner]);
  }

  async releaseAll(): Promise<void> {
    await this.q(`UPDATE matches SET owner = NULL, owner_until = 0 WHERE owner IS NOT NULL`);
  }

  /** Due matches no live room holds, each claimed by one process: rows another is claiming are skipped. */
  async claimDue(owner: string, now: number, leaseMs: number, limit: number): Promise<string[]> {
    const rows = await this.q<{ id: string }>(
      `UPDATE matches SET owner = $1, owner_until = $2 WHERE id IN (
         SELECT id FROM matches WHERE wake_at IS NOT NULL AND wake_at <= $3 AND ended IS NULL AND (owner IS NULL OR owner_until < $3)
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
    await this.q(`INSERT INTO uploaded_scenarios (id, original_id, body, created_at) VALUES ($1,$2,$3,$4)`, [s.id, s.originalId, s.body, s.createdAt]);
  }

  async readScenario(id: string): Promise<UploadedScenarioRow | null> {
    const [r] = await this.q(`SELECT * FROM uploaded_scenarios WHERE id = $1`, [id]);
    return r ? toScenario(r) : null;
  }

  async logLength(matchId: string): Promise<number> {
    const [r] = await this.q(`SELECT COUNT(*) AS n FROM log WHERE match_id = $1`, [matchId]);
    return Number(r?.n ?? 0);
  }

  async close(): Promise<void> {
    await this.writes.close();
    await this.pool.end();
  }
}
