// A room's timeline for the debrief: the stored log replayed with the engine, one entry per
// decision and per phase change that produced something, each decision with what the deciding
// seat knew just before it (its own view), merged with the facilitator's log.
import { balanceRatio, createMatch, isParty, playingSeats, replayLog, viewFor, type Action, type Match } from '../../shared/engine/index.js';
import type { EntryKind, FacilitatorLogEntry, Knowledge, TimelineEntry } from '../../shared/protocol/index.js';
import type { Phase, PlayingSeat, Scenario } from '../../shared/scenario/schema.js';
import type { MatchRecord } from '../store/matchStore.js';

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** What `seat` knew in `m`: its own view's balance estimate, its intelligence and this round's news. */
export function knowledgeOf(m: Match, seat: PlayingSeat): Knowledge {
  const v = viewFor(m, seat);
  const own = isParty(seat) ? m.parties[seat] : null;
  return {
    balance: { low: r3(v.balance.low), high: r3(v.balance.high), gap: v.balance.gap, exact: v.balance.exact },
    truth: r3(balanceRatio(m.scenario, m.parties, m.turkishBacking)),
    intel: own?.intel ?? null,
    escalation: m.escalation,
    stability: Math.round(m.stability * 10) / 10,
    ...(own ? { support: Math.round(own.support * 10) / 10, standing: Math.round(own.standing * 10) / 10, budget: Math.round(own.budget * 10) / 10 } : {}),
    openDemands: m.demands.filter((d) => d.status === 'open').length,
    news: v.events.filter((e) => e.round === m.round && (e.key.startsWith('event.') || e.key.startsWith('intel.'))).map((e) => ({ key: e.key, params: e.params })),
  };
}

const ACTION_KIND: Record<Action['type'], EntryKind | null> = {
  plan: 'plan',
  issueDemand: 'demand',
  respond: 'response',
  chooseEscalation: 'escalation',
  propose: 'proposal',
  withdrawProposal: 'proposal',
  sign: 'signature',
  useInstrument: 'instrument',
  capitulate: 'capitulation',
  injectEvent: 'inject',
  setSeat: 'seat',
  endMatch: 'ending',
  done: null,
};

function advanceKind(before: Match, after: Match): EntryKind {
  if (after.ended && !before.ended) return 'ending';
  if (after.phase === 'news') return 'news';
  if (after.phase === 'resolution') return 'resolution';
  if (after.phase === 'report') return 'report';
  return 'phase';
}

/** Facilitator operations the engine's log does not already show. */
const FACILITATOR_OPS = new Set(['pause', 'resume', 'extend', 'advance', 'broadcast', 'fork', 'forked']);

export interface Walked {
  match: Match;
  entries: TimelineEntry[];
}

/**
 * Replay a stored record into timeline entries. `times[i]` overrides the time of log entry i
 * (a fork's copied log keeps its origin's times).
 */
export function walk(scenario: Scenario, rec: MatchRecord, facilitatorLog: FacilitatorLogEntry[] = [], times: number[] = []): Walked {
  const start = createMatch(scenario, rec.seed, rec.seats);
  const entries: TimelineEntry[] = [];
  const seats = new Set<string>(playingSeats(scenario));
  if (start.events.length) entries.push({ at: times[0] ?? rec.createdAt, round: start.round, phase: start.phase, kind: 'news', seat: null, events: [...start.events] });
  let m = start;
  try {
    m = replayLog(start, rec.log.map((stored) => stored.entry), ({ index, entry, before, after, events }) => {
      const at = times[index] ?? rec.log[index].at;
      if (entry.kind === 'advance') {
        if (events.length) entries.push({ at, round: before.round, phase: after.phase, kind: advanceKind(before, after), seat: null, events });
        return;
      }
      let kind = ACTION_KIND[entry.action.type];
      if (!kind) return;
      if (kind === 'instrument' && events.some((e) => e.key === 'summit.convened')) kind = 'summit';
      entries.push({
        at,
        round: before.round,
        phase: before.phase,
        kind,
        seat: entry.seat,
        action: entry.action,
        events,
        ...(seats.has(entry.seat) ? { knew: knowledgeOf(before, entry.seat as PlayingSeat) } : {}),
      });
    });
  } catch (e) {
    throw new Error(`${rec.id}: ${(e as Error).message}`);
  }
  // The facilitator's own operations, placed by time among the match's entries.
  const extra: TimelineEntry[] = facilitatorLog
    .filter((l) => l.ok && l.matchId === rec.id && FACILITATOR_OPS.has(l.op))
    .map((l) => ({ at: l.at, round: Number(l.detail.round ?? NaN), phase: (l.detail.phase as Phase) ?? m.phase, kind: 'facilitator', seat: 'facilitator', events: [], facilitator: { op: l.op, detail: l.detail } }));
  if (extra.length) {
    const merged: TimelineEntry[] = [];
    let j = 0;
    for (const e of entries) {
      while (j < extra.length && extra[j].at < e.at) merged.push(placed(extra[j++], e));
      merged.push(e);
    }
    while (j < extra.length) merged.push(placed(extra[j++], { round: m.round, phase: m.phase }));
    return { match: m, entries: merged };
  }
  return { match: m, entries };
}

/** A facilitator entry takes the round and phase of the match entry that follows it, unless logged. */
function placed(x: TimelineEntry, next: { round: number; phase: Phase }): TimelineEntry {
  return Number.isFinite(x.round) ? x : { ...x, round: next.round, phase: next.phase };
}
