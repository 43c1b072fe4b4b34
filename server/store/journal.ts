// Both stores keep a match's log, events, round snapshots and chat as a journal: one row per
// write, keyed by match and seq, which a read folds back into the record. Before it, a write put
// each log entry, event, chat message and round in a table of its own (SQLite: a statement and a
// page written per item; PostgreSQL: a part of the batch's statement, a tuple and an index entry
// per item, and a delete per table for a cut). The fold has the same meaning those tables had: an
// item replaces the one with its key, and a cut drops what lies past the write's end.
import type { LogEntry, MatchEvent, RoundMeters } from '../../shared/engine/index.js';
import type { ChatMessage, MatchHistory } from '../../shared/protocol/index.js';
import type { MatchWrite } from './matchStore.js';

/** One write's part of the journal, as stored (JSON). Parts the write does not touch are left out. */
export interface JournalBody {
  log?: { from: number; entries: LogEntry[] };
  events?: { from: number; entries: MatchEvent[] };
  /** Log entries and events past this write's end are dropped. */
  cut?: true;
  rounds?: RoundMeters[];
  chat?: ChatMessage[];
}

/** What a write adds to its match's journal: the body, and the log's length after it (null: the log is untouched). Null when it adds nothing. */
export function journalEntry(w: MatchWrite): { body: string; logEnd: number | null } | null {
  const b: JournalBody = {};
  if (w.log.entries.length || w.cut) b.log = w.log;
  if (w.events.entries.length || w.cut) b.events = w.events;
  if (w.cut) b.cut = true;
  if (w.rounds.length) b.rounds = w.rounds;
  // The fields the chat table had, and nothing else a message object may carry.
  if (w.chat.length) b.chat = w.chat.map(({ id, channel, seat, name, text, at }) => ({ id, channel, seat, name, text, at }));
  if (!b.log && !b.events && !b.rounds && !b.chat) return null;
  return { body: JSON.stringify(b), logEnd: b.log ? b.log.from + b.log.entries.length : null };
}

type Folded = Pick<MatchHistory, 'log' | 'events' | 'rounds' | 'chat'>;

/** A match's journal rows, in order, folded into its record. */
export function foldJournal(rows: Iterable<{ at: number; body: JournalBody }>): Folded {
  const log = new Map<number, { seq: number; at: number; entry: LogEntry }>();
  const events = new Map<number, { seq: number; at: number; entry: MatchEvent }>();
  const rounds = new Map<number, RoundMeters>();
  const chat = new Map<number, ChatMessage>();
  for (const { at, body: b } of rows) {
    if (b.log) put(log, b.log, at, b.cut === true);
    if (b.events) put(events, b.events, at, b.cut === true);
    if (b.rounds?.length) {
      for (const r of b.rounds) rounds.set(r.round, r);
      const last = b.rounds[b.rounds.length - 1].round;
      for (const round of rounds.keys()) if (round > last) rounds.delete(round);
    }
    for (const c of b.chat ?? []) chat.set(c.id, c);
  }
  return { log: byKey(log), events: byKey(events), rounds: byKey(rounds), chat: byKey(chat) };
}

function put<T>(into: Map<number, { seq: number; at: number; entry: T }>, part: { from: number; entries: T[] }, at: number, cut: boolean): void {
  part.entries.forEach((entry, i) => into.set(part.from + i, { seq: part.from + i, at, entry }));
  if (!cut) return;
  const end = part.from + part.entries.length;
  for (const seq of into.keys()) if (seq >= end) into.delete(seq);
}

const byKey = <T>(m: Map<number, T>): T[] => [...m.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
