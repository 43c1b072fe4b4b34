// The facilitator's HTTP API (docs/protocol.md, "Class sessions"): class sessions, live overview,
// controls, injects, seats, channels, forks, scenario upload, class debrief and exports.
// Only the console (client/facilitate, its own chunk) imports this module.
import type { SeatScore } from '../../shared/engine/score.js';
import type { Controller, Ending, MatchEvent, RoundMeters } from '../../shared/engine/types.js';
import type {
  ChatMessage,
  ClassDebrief,
  ControlOp,
  CreatedSession,
  CreateSession,
  CustomEvent,
  FacilitatorLogEntry,
  Knowledge,
  Limits,
  Overview,
  RoomChat,
  RoomDebrief,
  RoomLive,
  RoomRef,
  RoomsResult,
  RoomTimeline,
  RemoveAnswer,
  SeatChoice,
  SeatKeysAnswer,
  SeatLive,
  SessionInfo,
  TimelineEntry,
  TimelineChannels,
  TokenAnswer,
  UploadedScenario,
} from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';

export type {
  ClassDebrief,
  Controller,
  ControlOp,
  CreateSession,
  CustomEvent,
  Ending,
  FacilitatorLogEntry,
  Knowledge,
  Limits,
  MatchEvent,
  Overview,
  PlayingSeat,
  RoomDebrief,
  RoomLive,
  RoomRef,
  RoomsResult,
  RoomTimeline,
  RoundMeters,
  SeatChoice,
  SeatLive,
  SeatScore,
  SessionInfo,
  TimelineEntry,
  UploadedScenario,
};
/** A chat message as the console reads it. */
export type ChatLine = ChatMessage;

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
    chat: (matchId: string) => get<RoomChat>(`${room(matchId)}/chat?limit=2000`),
    timeline: (matchId: string, channels: TimelineChannels = 'none') => get<RoomTimeline>(`${room(matchId)}/timeline?channels=${channels}`),
    fork: (matchId: string, round: number) => post<RoomRef>(`${room(matchId)}/fork`, { round }),
    debrief: () => get<ClassDebrief>('/debrief'),
    log: () => get<FacilitatorLogEntry[]>('/log'),
    /** The class export: JSON (the full record) or CSV (per-round meters, or decisions). */
    exportClass: (format: 'json' | 'meters' | 'decisions') => file(format === 'json' ? `${base}/export.json` : `${base}/export.csv?kind=${format}`),
    /** A seat's new key (the old one stops working); the room's keys as they are now. */
    renewKey: (matchId: string, seat: PlayingSeat) =>
      f(`/api/matches/${encodeURIComponent(matchId)}/keys`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ seat }) }).then((r) => answer<SeatKeysAnswer>(r)),
    /** Every participant of `seat` called `name` leaves the room. */
    remove: (matchId: string, seat: PlayingSeat, name: string) =>
      f(`/api/matches/${encodeURIComponent(matchId)}/remove`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ seat, name }) }).then((r) => answer<RemoveAnswer>(r)),
    exportRoom: (matchId: string, format: 'json' | 'meters' | 'decisions') =>
      file(format === 'json' ? `/api/matches/${encodeURIComponent(matchId)}/export.json` : `/api/matches/${encodeURIComponent(matchId)}/export.csv?kind=${format}`),
  };
}

export type FacilitatorApi = ReturnType<typeof facilitatorApi>;

export const sessionApi = {
  create: (body: CreateSession, f: Fetch = defaultFetch) =>
    f('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) =>
      answer<CreatedSession>(r),
    ),
  /** Open a session on another device: its id and passphrase give the token back. */
  open: (id: string, passphrase: string, f: Fetch = defaultFetch) =>
    f(`/api/sessions/${encodeURIComponent(id)}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passphrase }) }).then((r) =>
      answer<TokenAnswer>(r),
    ),
  /** Upload a scenario file as it is; refused with the list of precise errors when bad. */
  uploadScenario: (fileText: string, f: Fetch = defaultFetch) =>
    f('/api/scenarios', { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: fileText }).then((r) => answer<UploadedScenario>(r)),
};
