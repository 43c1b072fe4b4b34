// The only user of @colyseus/sdk: joins the room, fans server messages into the store, and turns
// the interface's intents into messages with a `ref` so every answer finds its question.
import { Client, type Room } from '@colyseus/sdk';
import type { Action } from '../../shared/engine/actions.js';
import type { Seat } from '../../shared/engine/types.js';
import { applyViewUpdate, LEAVE_CODES, type ClientMessages, type ClientMessageType, type JoinInfo, type Refused, type RoomState, type ScenarioSummary, type ServerMessages } from '../../shared/protocol/index.js';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { PLAYING_SEATS } from '../seats.js';
import type { GameStoreApi } from '../store/game.js';
import { api, loadScenario } from './http.js';
import { BOT_STRATEGY, PLAY_NOW_TIMER_SCALE, type ControlOp, type CreateOptions, type Intents, type ResumableSeat } from './intents.js';
import {
  facilitatorToken,
  forgetMatch,
  keepFacilitatorToken,
  keepSeatKeys,
  memberId,
  patchSession,
  rememberedSeats,
  savedSession,
  saveSession,
  seatKeysOf,
  type SavedSession,
} from './session.js';

/** Close codes after which the room does not want this client back by itself. */
const DISMISSED = new Set<number>(Object.values(LEAVE_CODES));

const ANSWER_TIMEOUT_MS = 12_000;

interface Waiting {
  pendingId: number | null;
  resolve(ok: boolean): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface NetOptions {
  /** Colyseus endpoint; default: this origin (the dev server talks to localhost:2567). */
  endpoint?: string;
}

export function defaultEndpoint(): string {
  const env = import.meta.env as Record<string, string | boolean | undefined>;
  if (typeof env.VITE_PARITY_SERVER === 'string') return env.VITE_PARITY_SERVER;
  if (env.DEV) return `${location.protocol}//${location.hostname}:2567`;
  return location.origin;
}

/** The schema state as plain data for the store: the server's MatchState (server/match/state.ts) as JSON. */
export function plainRoomState(state: unknown): RoomState {
  const s = (typeof (state as { toJSON?: unknown }).toJSON === 'function' ? (state as { toJSON(): unknown }).toJSON() : state) as RoomState;
  return { ...s, seats: s.seats ?? {} };
}

export function createConnection(store: GameStoreApi, opts: NetOptions = {}): Intents & { resume(): Promise<boolean> } {
  // One id for this browser in every match (session.ts): a second tab replaces the first.
  const member = memberId();
  const client = new Client(opts.endpoint ?? defaultEndpoint());
  let room: Room | null = null;
  let nextRef = 1;
  const waiting = new Map<number, Waiting>();
  let leaving = false;

  const state = () => store.getState();

  function settle(ref: unknown, ok: boolean, code?: string, reason?: string, params?: Refused['params']) {
    const w = typeof ref === 'number' ? waiting.get(ref) : undefined;
    if (!w) return;
    waiting.delete(ref as number);
    clearTimeout(w.timer);
    if (w.pendingId !== null) state().settlePending(w.pendingId, ok, code, reason, params);
    w.resolve(ok);
  }

  /** Send a message with a fresh `ref`; resolves with whether it was accepted. */
  function send<K extends ClientMessageType>(type: K, payload: ClientMessages[K], label: string | null): Promise<boolean> {
    const r = room;
    const pendingId = label ? state().startPending(label) : null;
    if (!r) {
      if (pendingId !== null) state().settlePending(pendingId, false, 'offline', 'not connected');
      return Promise.resolve(false);
    }
    const ref = nextRef++;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => settle(ref, false, 'timeout', 'no answer from the server'), ANSWER_TIMEOUT_MS);
      waiting.set(ref, { pendingId, resolve, timer });
      try {
        r.send(type, { ...payload, ref });
      } catch (e) {
        settle(ref, false, 'offline', (e as Error).message);
      }
    });
  }

  /** The scenario's public part; a seat's briefing arrives in the room (`briefing`), the facilitator's with its token. */
  async function ensureScenario(id: string, matchId?: string) {
    if (state().scenario?.id === id) return;
    const token = matchId ? facilitatorToken(matchId) : null;
    state().setScenario(await loadScenario(id, token && matchId ? { match: matchId, token } : {}));
  }

  function wire(r: Room, saved: SavedSession) {
    room = r;
    saveSession({ ...saved, reconnectionToken: r.reconnectionToken });
    state().setSession({ matchId: saved.matchId, code: saved.code, seat: saved.seat, name: saved.name, sessionId: r.sessionId });
    state().setConnection('open');
    r.onStateChange((s) => state().setRoom(plainRoomState(s)));
    // The last whole view this connection built; updates apply to it. Until the first `view` after a
    // join there is nothing to apply them to, and that view is on its way.
    let view: ServerMessages['view'] | null = null;
    r.onMessage('view', (v: ServerMessages['view']) => {
      view = v;
      state().receiveView(v);
    });
    r.onMessage('viewUpdate', (u: ServerMessages['viewUpdate']) => {
      if (!view) return;
      const next = applyViewUpdate(view, u);
      if (!next) return void send('sync', {}, null);
      view = next;
      state().receiveView(next);
    });
    r.onMessage('accepted', (m: ServerMessages['accepted']) => settle(m?.ref, true));
    r.onMessage('refused', (m: ServerMessages['refused']) => {
      if (typeof m?.ref === 'number' && waiting.has(m.ref)) settle(m.ref, false, m.code, m.reason, m.params);
      else {
        const id = state().startPending(`actions.${m?.type ?? 'message'}`);
        state().settlePending(id, false, m?.code, m?.reason, m?.params);
      }
    });
    r.onMessage('chat', (m: ServerMessages['chat']) => state().receiveChat(m));
    r.onMessage('chatHistory', (list: ServerMessages['chatHistory']) => state().receiveChatHistory(list ?? []));
    r.onMessage('notice', (n: ServerMessages['notice']) => state().receiveNotice({ ...n, at: Date.now() }));
    r.onMessage('briefing', (b: ServerMessages['briefing']) => state().receiveBriefs(b ?? {}));
    r.onDrop(() => state().setConnection('reconnecting'));
    r.onReconnect(() => {
      state().setConnection('open');
      patchSession({ reconnectionToken: r.reconnectionToken });
    });
    r.onLeave((code) => {
      if (room !== r) return;
      room = null;
      if (leaving) return;
      if (DISMISSED.has(code)) {
        // Removed by the facilitator (forget the seat), or this seat opened in another tab: stay out.
        if (code === LEAVE_CODES.removed) forgetMatch(saved.matchId);
        saveSession(null);
        state().setConnection('closed');
        return;
      }
      state().setConnection('closed');
      // The SDK gave up reconnecting: join the same seat afresh.
      setTimeout(() => void rejoin(saved), 1000);
    });
  }

  async function joinRoom(saved: SavedSession) {
    state().setConnection('connecting');
    const token = saved.seat === 'facilitator' ? facilitatorToken(saved.matchId) : null;
    const key = saved.seat === 'facilitator' || saved.seat === 'spectator' ? undefined : saved.key;
    const r = await client.joinById(saved.roomId, { seat: saved.seat, name: saved.name.slice(0, 40), member, ...(token ? { token } : {}), ...(key ? { key } : {}) });
    wire(r, saved);
  }

  async function rejoin(saved: SavedSession): Promise<boolean> {
    try {
      const info = await api.join(saved.code);
      if (info.ended) forgetMatch(saved.matchId);
      await ensureScenario(info.scenario, info.matchId);
      await joinRoom({ ...saved, roomId: info.roomId });
      return true;
    } catch (e) {
      state().setConnection('closed', (e as Error).message);
      return false;
    }
  }

  async function enter(info: JoinInfo, seat: Seat, name: string, extra: Partial<SavedSession> = {}) {
    await ensureScenario(info.scenario, info.matchId);
    // The seat's key: from the join link, or this device's own (it created the match).
    const key = extra.key ?? seatKeysOf(info.matchId)[seat as PlayingSeat];
    const saved: SavedSession = { matchId: info.matchId, roomId: info.roomId, code: info.code, seat, name, ...extra, ...(key ? { key } : {}) };
    try {
      await joinRoom(saved);
    } catch (e) {
      state().setConnection('idle');
      throw e;
    }
    if (extra.lobbyPassed) state().passLobby();
  }

  // The shipped scenarios' list, asked once per page: "Play now" needs it again right after the
  // home page listed it, and on a phone's network each round trip costs half a second.
  let scenarioList: Promise<ScenarioSummary[]> | null = null;
  const scenarios = () =>
    (scenarioList ??= api.scenarios().catch((e: unknown) => {
      scenarioList = null;
      throw e;
    }));

  const timersFor = async (scenario: string, scale: number) => {
    if (scale === 1) return undefined;
    const list = await scenarios();
    const s = list.find((x) => x.id === scenario);
    if (!s) return undefined;
    const timers: Record<string, number> = {};
    for (const [phase, secs] of Object.entries(s.timers)) timers[phase] = Math.max(5, Math.round(secs * scale));
    return timers;
  };

  return {
    listScenarios: () => scenarios(),
    openMatches: () => api.openMatches(),

    async create(o: CreateOptions) {
      // A casual game from the home page: open, so friends with its code take the free seats.
      const created = await api.create({ scenario: o.scenario, seats: o.seats, timers: await timersFor(o.scenario, o.timerScale), seed: o.seed, name: `${o.name}`, open: true });
      keepFacilitatorToken(created.matchId, created.facilitatorToken);
      keepSeatKeys(created.matchId, created.seatKeys);
      state().setFacilitatorToken(created.facilitatorToken);
      state().setSeatKeys(created.seatKeys);
      const info = await api.join(created.code);
      state().setJoinInfo(info);
      await enter(info, o.seat, o.name);
    },

    async join(code, name) {
      const info = await api.join(code);
      if (info.ended) throw new Error('ended');
      await ensureScenario(info.scenario);
      const token = facilitatorToken(info.matchId);
      if (token) state().setFacilitatorToken(token);
      state().setSeatKeys(seatKeysOf(info.matchId));
      state().setJoinInfo(info);
      state().setSession({ matchId: info.matchId, code: info.code, seat: null, name });
    },

    async takeSeat(seat, key) {
      const info = state().joinInfo;
      const name = state().session?.name ?? 'Player';
      if (!info) throw new Error('no match');
      await enter(info, seat, name, key ? { key } : {});
    },

    async playNow(seat: PlayingSeat, name, scenario, difficulty, listed = false) {
      const strategy = BOT_STRATEGY[difficulty];
      const seats: Record<string, 'human' | { controller: 'bot'; strategy?: string }> = {};
      for (const s of PLAYING_SEATS) seats[s] = s === seat ? 'human' : { controller: 'bot', ...(strategy ? { strategy } : {}) };
      const list = await scenarios();
      const def = list.find((x) => x.id === scenario) ?? list[0];
      for (const s of PLAYING_SEATS) if (s !== 'armenia' && s !== 'azerbaijan' && !def?.mediators.includes(s)) delete seats[s];
      const id = def?.id ?? scenario;
      const created = await api.create({ scenario: id, seats, timers: await timersFor(id, PLAY_NOW_TIMER_SCALE), name: `${name}`, listed, open: true });
      keepFacilitatorToken(created.matchId, created.facilitatorToken);
      keepSeatKeys(created.matchId, created.seatKeys);
      const info = await api.join(created.code);
      state().setJoinInfo(info);
      await enter(info, seat, name, { lobbyPassed: true });
      patchSession({ lobbyPassed: true });
    },

    act: (action: Action, label: string) => send('action', action, label),
    chat: (channel, text) => send('chat', { channel, text }, null),
    control: (op: ControlOp, seconds?: number) => send('control', seconds ? { op, seconds } : { op }, `control.${op}`),

    debrief: async () => {
      const s = state().session;
      if (!s) throw new Error('no match');
      return api.debrief(s.matchId, facilitatorToken(s.matchId));
    },

    botRun: async () => {
      const s = state().session;
      if (!s) throw new Error('no match');
      return api.botRun(s.matchId, facilitatorToken(s.matchId));
    },

    leave() {
      leaving = true;
      const r = room;
      room = null;
      const left = savedSession();
      if (left) forgetMatch(left.matchId);
      saveSession(null);
      for (const w of waiting.values()) clearTimeout(w.timer);
      waiting.clear();
      state().leave();
      void r?.leave(true).catch(() => undefined);
      leaving = false;
    },

    async resumable() {
      // The most recent few; a match that ended or is gone is forgotten.
      const out: ResumableSeat[] = [];
      for (const s of rememberedSeats().slice(0, 4)) {
        const info = await api.join(s.code).catch((e: unknown) => ((e as { status?: number }).status === 404 ? null : undefined));
        if (info === null || info?.ended) forgetMatch(s.matchId);
        else if (info) out.push({ matchId: s.matchId, code: s.code, seat: s.seat, name: s.name, at: s.at ?? 0 });
      }
      return out;
    },

    async resumeMatch(matchId) {
      const saved = rememberedSeats().find((s) => s.matchId === matchId);
      if (!saved) throw new Error('no such match on this device');
      if (saved.lobbyPassed) state().passLobby();
      if (saved.briefingRead) state().readBriefing();
      state().setSession({ matchId: saved.matchId, code: saved.code, seat: null, name: saved.name });
      if (!(await rejoin(saved))) {
        const error = state().error;
        state().leave();
        throw new Error(error ?? 'could not resume');
      }
    },

    forget: (matchId) => forgetMatch(matchId),

    /** After a reload: take the same seat back (reconnect within the grace time, else join again). */
    async resume() {
      const saved = savedSession();
      if (!saved) return false;
      state().setConnection('reconnecting');
      if (saved.lobbyPassed) state().passLobby();
      if (saved.briefingRead) state().readBriefing();
      try {
        if (!saved.reconnectionToken) throw new Error('no token');
        await ensureScenario((await api.join(saved.code)).scenario, saved.matchId);
        const r = await client.reconnect(saved.reconnectionToken);
        wire(r, saved);
        return true;
      } catch {
        return rejoin(saved);
      }
    },
  };
}

/** Keep the UI's progress (lobby passed, briefing read) for a reload. */
export function persistProgress(store: GameStoreApi): () => void {
  return store.subscribe((s, prev) => {
    if (s.lobbyPassed !== prev.lobbyPassed || s.briefingRead !== prev.briefingRead) patchSession({ lobbyPassed: s.lobbyPassed, briefingRead: s.briefingRead });
  });
}
