// The client's single store. net/ writes the server's messages in; panels and the map read them.
import { createStore } from 'zustand';
import { withBriefs, type PublicScenario, type SeatBriefs, type SeatKeys } from '../../shared/protocol/index.js';
import type { ChatMessage, Connection, JoinInfo, Notice, Pending, RoomState, RoundReport, Screen, SeatView, Session } from './types.js';

const RESOLVED: SeatView['phase'][] = ['resolution', 'report'];
const MAX_CHAT = 500;
const MAX_PENDING = 8;

export interface GameState {
  connection: Connection;
  error: string | null;
  session: Session | null;
  /** The match found by its code, before a seat is taken. */
  joinInfo: JoinInfo | null;
  room: RoomState | null;
  /** The facilitator token of a match this client created (shown once). */
  facilitatorToken: string | null;
  /** The seats' keys of a match this client created. */
  seatKeys: SeatKeys;
  lobbyPassed: boolean;
  notices: Notice[];
  /** The scenario's public part, with the briefings this client was given (`briefs`) in their seats. */
  scenario: PublicScenario | null;
  briefs: SeatBriefs;
  view: SeatView | null;
  /** The last view before this round's resolution: the "before" of the round report. */
  beforeResolution: SeatView | null;
  report: RoundReport | null;
  reportDismissed: number;
  briefingRead: boolean;
  briefingOpen: boolean;
  pending: Pending[];
  chat: ChatMessage[];
  unread: Record<string, number>;
  chatChannel: string;
  selectedRegion: string | null;
  nextPendingId: number;
}

export interface GameActions {
  setConnection(c: Connection, error?: string | null): void;
  setSession(s: Session | null): void;
  setJoinInfo(j: JoinInfo | null): void;
  setRoom(r: RoomState): void;
  setFacilitatorToken(t: string | null): void;
  setSeatKeys(k: SeatKeys): void;
  receiveNotice(n: Notice): void;
  passLobby(): void;
  setScenario(s: PublicScenario): void;
  /** The room's `briefing`: the seats' secrets this client may read. */
  receiveBriefs(b: SeatBriefs): void;
  receiveView(v: SeatView): void;
  receiveChat(m: ChatMessage): void;
  receiveChatHistory(list: ChatMessage[]): void;
  setChatChannel(channel: string): void;
  /** Mark an intent as sent; returns its id for the answer. */
  startPending(label: string): number;
  settlePending(id: number, ok: boolean, code?: string, reason?: string, params?: Pending['params']): void;
  dismissPending(id: number): void;
  readBriefing(): void;
  openBriefing(open: boolean): void;
  dismissReport(): void;
  selectRegion(id: string | null): void;
  leave(): void;
}

export type GameStore = GameState & GameActions;

const initial = (): GameState => ({
  connection: 'idle',
  error: null,
  session: null,
  joinInfo: null,
  room: null,
  facilitatorToken: null,
  seatKeys: {},
  lobbyPassed: false,
  notices: [],
  scenario: null,
  briefs: {},
  view: null,
  beforeResolution: null,
  report: null,
  reportDismissed: 0,
  briefingRead: false,
  briefingOpen: false,
  pending: [],
  chat: [],
  unread: {},
  chatChannel: 'table',
  selectedRegion: null,
  nextPendingId: 1,
});

export function createGameStore(init: Partial<GameState> = {}) {
  return createStore<GameStore>()((set, get) => ({
    ...initial(),
    ...init,
    setConnection: (connection, error = null) => set({ connection, error }),
    setSession: (session) => set({ session }),
    setJoinInfo: (joinInfo) => set({ joinInfo }),
    setRoom: (room) => set({ room }),
    setFacilitatorToken: (facilitatorToken) => set({ facilitatorToken }),
    setSeatKeys: (seatKeys) => set({ seatKeys }),
    receiveNotice: (n) => set((s) => ({ notices: [...s.notices.slice(-49), n] })),
    passLobby: () => set({ lobbyPassed: true }),
    setScenario: (scenario) => set((s) => ({ scenario: withBriefs(scenario, s.briefs) })),
    receiveBriefs: (briefs) => set((s) => ({ briefs, scenario: s.scenario ? withBriefs(s.scenario, briefs) : null })),
    receiveView: (view) => {
      const s = get();
      const resolved = RESOLVED.includes(view.phase) || (view.ended !== null && s.view !== null && !RESOLVED.includes(s.view.phase));
      if (!resolved) {
        set({ view, beforeResolution: view });
        return;
      }
      const before = s.beforeResolution ?? s.view ?? view;
      // One report per round: its "after" follows the latest view while the round is resolved.
      const report = s.report && s.report.round === view.round ? { ...s.report, after: view } : { round: view.round, before, after: view };
      set({ view, report });
    },
    receiveChat: (m) => {
      const s = get();
      if (s.chat.some((x) => x.id === m.id)) return;
      const chat = s.chat.length >= MAX_CHAT ? [...s.chat.slice(1), m] : [...s.chat, m];
      const unread = m.channel === s.chatChannel ? s.unread : { ...s.unread, [m.channel]: (s.unread[m.channel] ?? 0) + 1 };
      set({ chat, unread });
    },
    receiveChatHistory: (list) => {
      const known = new Set(get().chat.map((m) => m.id));
      const merged = [...get().chat, ...list.filter((m) => !known.has(m.id))].sort((a, b) => a.at - b.at || a.id - b.id);
      set({ chat: merged.slice(-MAX_CHAT) });
    },
    setChatChannel: (chatChannel) => set((s) => ({ chatChannel, unread: { ...s.unread, [chatChannel]: 0 } })),
    startPending: (label) => {
      const id = get().nextPendingId;
      set((s) => ({ nextPendingId: id + 1, pending: [...s.pending, { id, label, status: 'pending' as const, at: Date.now() }].slice(-MAX_PENDING) }));
      return id;
    },
    settlePending: (id, ok, code, reason, params) =>
      set((s) => ({ pending: s.pending.map((p) => (p.id === id ? { ...p, status: ok ? 'accepted' : 'refused', code, reason, ...(params ? { params } : {}) } : p)) })),
    dismissPending: (id) => set((s) => ({ pending: s.pending.filter((p) => p.id !== id) })),
    readBriefing: () => set({ briefingRead: true, briefingOpen: false }),
    openBriefing: (briefingOpen) => set({ briefingOpen }),
    dismissReport: () => set((s) => ({ reportDismissed: s.report?.round ?? s.reportDismissed })),
    selectRegion: (selectedRegion) => set({ selectedRegion }),
    leave: () => set({ ...initial() }),
  }));
}

export type GameStoreApi = ReturnType<typeof createGameStore>;

/** Which screen the player is on, from what the server has said. */
export function screenOf(s: GameState): Screen {
  if (!s.session && !s.joinInfo) return 'home';
  if (s.view?.ended) return 'debrief';
  if (!s.session?.seat || !s.view || !s.lobbyPassed) return 'lobby';
  if (!s.briefingRead && s.view.seat !== 'spectator') return 'briefing';
  return 'play';
}
