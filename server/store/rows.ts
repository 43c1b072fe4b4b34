// Rows as either database gives them (the same column names; SQLite's 0/1 and PostgreSQL's
// booleans, numbers as numbers or numeric text) made into the store's records.
import type { FacilitatorLogEntry, Participant } from '../../shared/protocol/index.js';
import type { MatchRow } from './matchStore.js';
import type { SessionRoom, SessionRow, UploadedScenarioRow } from './sessionStore.js';

type Raw = Record<string, unknown>;

const yes = (x: unknown) => x === true || Number(x) === 1;
const text = (x: unknown) => String(x);
const json = (x: unknown) => JSON.parse(String(x));

/** The match columns every read selects. */
export const MATCH_COLUMNS = 'id, code, scenario, name, seed, seats, timers, token_hash, created_at, round, phase, ended, clock, listed, open, seat_keys';

export const toRow = (r: Raw): MatchRow => ({
  id: text(r.id),
  code: text(r.code),
  scenario: text(r.scenario),
  name: text(r.name),
  seed: Number(r.seed),
  seats: json(r.seats),
  timers: json(r.timers),
  tokenHash: text(r.token_hash),
  createdAt: Number(r.created_at),
  round: Number(r.round),
  phase: text(r.phase) as MatchRow['phase'],
  ended: r.ended === null ? null : text(r.ended),
  clock: r.clock ? json(r.clock) : null,
  listed: yes(r.listed ?? 0),
  open: yes(r.open ?? 0),
  seatKeys: json(r.seat_keys ?? '{}'),
});

export const toParticipant = (r: Raw): Participant => ({ seat: text(r.seat) as Participant['seat'], name: text(r.name), at: Number(r.at) });


export const toChat = (r: Raw) => ({ id: Number(r.id), channel: text(r.channel), seat: text(r.seat) as Participant['seat'], name: text(r.name), text: text(r.text), at: Number(r.at) });

export const toSession = (r: Raw): SessionRow => ({
  id: text(r.id),
  name: text(r.name),
  scenario: text(r.scenario),
  seed: Number(r.seed),
  timers: json(r.timers),
  limits: json(r.limits),
  tokenHash: text(r.token_hash),
  passphrase: r.passphrase === null ? null : text(r.passphrase),
  createdAt: Number(r.created_at),
});

export const toRoom = (r: Raw): SessionRoom => ({
  sessionId: text(r.session_id),
  matchId: text(r.match_id),
  code: text(r.code),
  position: Number(r.position),
  label: text(r.label),
  forkOf: r.fork_of === null ? null : json(r.fork_of),
  createdAt: Number(r.created_at),
});

export const toLog = (r: Raw): FacilitatorLogEntry => ({
  id: Number(r.id),
  sessionId: text(r.session_id),
  matchId: r.match_id === null ? null : text(r.match_id),
  at: Number(r.at),
  op: text(r.op),
  detail: json(r.detail),
  ok: yes(r.ok),
  ...(r.reason !== null ? { reason: text(r.reason) } : {}),
});

export const toScenario = (r: Raw): UploadedScenarioRow => ({
  id: text(r.id),
  originalId: text(r.original_id),
  body: text(r.body),
  createdAt: Number(r.created_at),
  sessionId: r.session_id === null || r.session_id === undefined ? null : text(r.session_id),
});

/** Per-room usage rows (`match_id, op, n, total`) as a map. */
export function toUsage(rows: Raw[]): Map<string, { pauses: number; extensionSeconds: number }> {
  const out = new Map<string, { pauses: number; extensionSeconds: number }>();
  for (const r of rows) {
    const u = out.get(text(r.match_id)) ?? { pauses: 0, extensionSeconds: 0 };
    if (r.op === 'pause') u.pauses = Number(r.n);
    else u.extensionSeconds = Number(r.total);
    out.set(text(r.match_id), u);
  }
  return out;
}
