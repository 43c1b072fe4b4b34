// The facilitator's HTTP API (docs/protocol.md, "Class sessions"): class sessions, live overview,
// controls, injects, seats, channels, forks, scenario upload, class debrief and exports.
// Only the console (client/facilitate, its own chunk) imports this module.
import type { MatchEvent, RoundMeters } from '../../shared/engine/types.js';
import type { SeatScore } from '../../shared/engine/score.js';

export type { MatchEvent, RoundMeters, SeatScore };
export type PlayingSeat = 'armenia' | 'azerbaijan' | 'russia' | 'eu';
export type Controller = 'human' | 'bot';
export type ControlOp = 'pause' | 'resume' | 'extend' | 'advance' | 'end';

/** An error the server explained: its message and, for validation, the precise list. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}

export interface Limits {
  maxPauses: number;
  maxExtensionSeconds: number;
}

export type SeatChoice = Controller | { controller: Controller; strategy?: string };

export interface CreateSession {
  name: string;
  /** A shipped scenario's id, or the id an upload returned. */
  scenario: string;
  rooms: number;
  seats?: Partial<Record<PlayingSeat, SeatChoice>>;
  /** Seconds per phase; absent phases keep the scenario's. */
  timers?: Record<string, number>;
  seed?: number;
  passphrase?: string;
  limits?: Partial<Limits>;
}

export interface RoomRef {
  matchId: string;
  code: string;
  /** 'Room 1' …, forks 'Room 2 · fork @3'. */
  label: string;
  forkOf: { matchId: string; round: number } | null;
}

export interface SessionInfo {
  sessionId: string;
  name: string;
  scenario: string;
  createdAt: number;
  seed: number;
  timers: Record<string, number>;
  limits: Limits;
  passphrase: boolean;
  rooms: (RoomRef & { seats: Partial<Record<PlayingSeat, { controller: Controller; strategy?: string }>>; createdAt: number; ended: string | null })[];
}

export interface SeatLive {
  controller: Controller;
  strategy?: string;
  /** A bot plays it now (bot seat, or a human seat left empty). */
  botPlaying: boolean;
  done: boolean;
  occupants: { name: string; connected: boolean }[];
}

export interface RoomLive extends RoomRef {
  live: boolean;
  round: number;
  rounds: number;
  phase: string;
  /** Last round whose report was reached: rounds 1…reported can be forked. */
  reported: number;
  /** ms left in the phase at the overview's `at`. */
  remaining: number;
  phaseEndsAt: number;
  paused: boolean;
  escalation: number;
  stability: number;
  balance: { ratio: number; gap: string };
  signed: boolean;
  settlement: { round: number; durability: number; auspices: string | null } | null;
  ended: { kind: string; round: number } | null;
  seats: Partial<Record<PlayingSeat, SeatLive>>;
  facilitators: number;
  spectators: number;
  pausesUsed: number;
  extensionSecondsUsed: number;
}

export interface Overview {
  sessionId: string;
  at: number;
  limits: Limits;
  rooms: RoomLive[];
}

export interface FacilitatorLogEntry {
  id: number;
  at: number;
  matchId: string | null;
  op: string;
  detail: Record<string, unknown>;
  ok: boolean;
  reason?: string;
}

export interface ChatLine {
  id: number;
  channel: string;
  seat: string;
  name: string;
  text: string;
  at: number;
}

export interface Gapped {
  ratio: number;
  gap: string;
}

export interface Knowledge {
  balance: { low: number; high: number; gap: string; exact: boolean };
  truth: number;
  intel: { round: number; effective: [number, number] } | null;
  escalation: number;
  stability: number;
  support?: number;
  standing?: number;
  budget?: number;
  openDemands: number;
  news: { key: string; params: Record<string, string | number> }[];
}

export interface TimelineEntry {
  at: number;
  round: number;
  phase: string;
  kind: string;
  seat: string | null;
  action?: { type: string } & Record<string, unknown>;
  events: MatchEvent[];
  knew?: Knowledge;
  facilitator?: { op: string; detail: Record<string, unknown> };
}

export interface Ending {
  kind: string;
  round: number;
  party?: string;
}

export interface RoomTimeline {
  matchId: string;
  code: string;
  label: string;
  scenario: string;
  forkOf: RoomRef['forkOf'];
  ended: Ending | null;
  round: number;
  phase: string;
  entries: TimelineEntry[];
  rounds: RoundMeters[];
  scores: SeatScore[];
  provisional: boolean;
  chat?: ChatLine[];
}

export interface RoomDebrief extends RoomRef {
  ended: Ending | null;
  round: number;
  phase: string;
  finalBalance: Gapped;
  escalation: { final: number; max: number; attempts: Record<string, number>; successes: Record<string, number> };
  settlement: { round: number; durability: number; auspices: string | null; ratio: number; concessionBalance: number; clauses: string[] } | null;
  lastingPeace: number;
  scores: SeatScore[];
  provisional: boolean;
  rounds: RoundMeters[];
  seats: Partial<Record<PlayingSeat, { controller: Controller; strategy?: string }>>;
}

export interface ClassDebrief {
  sessionId: string;
  name: string;
  scenario: string;
  rooms: RoomDebrief[];
  log: FacilitatorLogEntry[];
}

export interface CustomEvent {
  headline: string;
  text: string;
  effects: Record<string, unknown>;
}

export interface RoomsResult {
  results: { matchId: string; ok: boolean; code?: string; reason?: string }[];
}

export interface UploadedScenario {
  id: string;
  originalId: string;
  title: Record<string, string>;
  rounds: number;
  mediators: string[];
}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as T & { error?: string; issues?: unknown[]; results?: unknown };
  // 409: every room refused; the body still says why, room by room.
  if (res.status === 409 && Array.isArray(body.results)) return body;
  if (!res.ok) {
    const issues = (body.issues ?? []).map((i) => (typeof i === 'string' ? i : JSON.stringify(i)));
    throw new ApiError(res.status, body.error ?? res.statusText, issues);
  }
  return body;
}

type Fetch = typeof fetch;
const defaultFetch: Fetch = (...a) => fetch(...a);

/** One session's calls, signed with its facilitator token. */
export function facilitatorApi(session: string, token: string, f: Fetch = defaultFetch) {
  const base = `/api/sessions/${encodeURIComponent(session)}`;
  const auth = { authorization: `Bearer ${token}` };
  const get = <T>(path: string) => f(`${base}${path}`, { headers: auth }).then((r) => answer<T>(r));
  const post = <T>(path: string, body: unknown = {}) =>
    f(`${base}${path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => answer<T>(r));
  const room = (id: string) => `/rooms/${encodeURIComponent(id)}`;
  const file = async (url: string) => {
    const r = await f(url, { headers: auth });
    if (!r.ok) await answer(r);
    return r.blob();
  };
  return {
    token,
    info: () => get<SessionInfo>(''),
    overview: () => get<Overview>('/overview'),
    /** `rooms` null: every room of the session. */
    control: (rooms: string[] | null, op: ControlOp, seconds?: number) => post<RoomsResult>('/control', { rooms, op, ...(seconds ? { seconds } : {}) }),
    inject: (rooms: string[] | null, ev: { event: string } | { custom: CustomEvent }) => post<RoomsResult>('/inject', { rooms, ...ev }),
    broadcast: (rooms: string[] | null, text: string) => post<RoomsResult>('/broadcast', { rooms, text }),
    setSeat: (rooms: string[] | null, seat: PlayingSeat, controller: Controller) => post<RoomsResult>('/seat', { rooms, seat, controller }),
    chat: (matchId: string) => get<{ matchId: string; channels: string[]; messages: ChatLine[] }>(`${room(matchId)}/chat?limit=2000`),
    timeline: (matchId: string, channels: 'none' | 'table' | 'all' = 'none') => get<RoomTimeline>(`${room(matchId)}/timeline?channels=${channels}`),
    fork: (matchId: string, round: number) => post<RoomRef>(`${room(matchId)}/fork`, { round }),
    debrief: () => get<ClassDebrief>('/debrief'),
    log: () => get<FacilitatorLogEntry[]>('/log'),
    /** The class export: JSON (the full record) or CSV (per-round meters, or decisions). */
    exportClass: (format: 'json' | 'meters' | 'decisions') => file(format === 'json' ? `${base}/export.json` : `${base}/export.csv?kind=${format}`),
    exportRoom: (matchId: string, format: 'json' | 'meters' | 'decisions') =>
      file(format === 'json' ? `/api/matches/${encodeURIComponent(matchId)}/export.json` : `/api/matches/${encodeURIComponent(matchId)}/export.csv?kind=${format}`),
  };
}

export type FacilitatorApi = ReturnType<typeof facilitatorApi>;

export const sessionApi = {
  create: (body: CreateSession, f: Fetch = defaultFetch) =>
    f('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) =>
      answer<{ sessionId: string; facilitatorToken: string; rooms: RoomRef[] }>(r),
    ),
  /** Open a session on another device: its id and passphrase give the token back. */
  open: (id: string, passphrase: string, f: Fetch = defaultFetch) =>
    f(`/api/sessions/${encodeURIComponent(id)}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase }) }).then((r) =>
      answer<{ facilitatorToken: string }>(r),
    ),
  /** Upload a scenario file as it is; refused with the list of precise errors when bad. */
  uploadScenario: (fileText: string, f: Fetch = defaultFetch) =>
    f('/api/scenarios', { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: fileText }).then((r) => answer<UploadedScenario>(r)),
};
