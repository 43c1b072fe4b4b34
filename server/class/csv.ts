// CSV exports (RFC 4180): per-round meters and the decisions of a room or a class.
import type { RoundMeters } from '../../shared/engine/index.js';
import type { TimelineEntry } from '../../shared/protocol/index.js';

type Cell = string | number | boolean | null | undefined;

/** One cell: numbers as they are; text quoted when it holds a comma, quote or line break; formulas defused. */
function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  // A spreadsheet would run a cell starting with one of these as a formula.
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text: CRLF line ends, a byte-order mark so spreadsheets read UTF-8. */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface RoomTag {
  matchId: string;
  code: string;
  label: string;
}

export const METERS_HEADER = [
  'matchId',
  'code',
  'label',
  'round',
  'ratio',
  'effective_armenia',
  'effective_azerbaijan',
  'escalation',
  'stability',
  'support_armenia',
  'support_azerbaijan',
  'standing_armenia',
  'standing_azerbaijan',
  'budget_armenia',
  'budget_azerbaijan',
  'prestige_russia',
  'prestige_eu',
] as const;

const r3 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 1000) / 1000);

export function metersRows(room: RoomTag, rounds: readonly RoundMeters[]): Cell[][] {
  return rounds.map((r) => [
    room.matchId,
    room.code,
    room.label,
    r.round,
    r3(r.ratio),
    r3(r.effective.armenia),
    r3(r.effective.azerbaijan),
    r.escalation,
    r3(r.stability),
    r3(r.support.armenia),
    r3(r.support.azerbaijan),
    r3(r.standing.armenia),
    r3(r.standing.azerbaijan),
    r3(r.budget.armenia),
    r3(r.budget.azerbaijan),
    r3(r.prestige.russia),
    r3(r.prestige.eu),
  ]);
}

export const DECISIONS_HEADER = [
  'matchId',
  'code',
  'label',
  'at',
  'round',
  'phase',
  'seat',
  'action',
  'subject',
  'detail',
  'outcome',
  'believed_low',
  'believed_high',
  'believed_gap',
  'exact',
  'true_ratio',
  'intel_low',
  'intel_high',
] as const;

/** What a decision acted on, and its particulars in words. */
function describe(e: TimelineEntry): { subject: string; detail: string } {
  const a = e.action!;
  const made = (key: string) => String(e.events.find((x) => x.key === key)?.params.id ?? '');
  switch (a.type) {
    case 'plan':
      return {
        subject: '',
        detail: [
          a.procure.length ? `procure ${a.procure.map((p) => `${p.item} x${p.qty}`).join(' ')}` : 'no procurement',
          `reform ${a.reform}`,
          `diplomacy ${a.diplomacy}`,
          a.prepareEscalation ? `prepare escalation in ${a.prepareEscalation}` : '',
        ]
          .filter(Boolean)
          .join('; '),
      };
    case 'issueDemand':
      return { subject: made('demand.issued') || (a.demand ?? ''), detail: [a.demand ?? a.text ?? '', `deadline +${a.deadline}`, a.stakes ? `stakes: ${a.stakes}` : ''].filter(Boolean).join('; ') };
    case 'respond':
      return { subject: a.demand, detail: a.answer + (a.clauses ? `: ${a.clauses.join(' ')}` : '') };
    case 'chooseEscalation':
      return { subject: a.demand, detail: a.escalate ? `escalate${a.region ? ` in ${a.region}` : ''}` : 'stand down' };
    case 'propose':
      return { subject: made('proposal.made'), detail: a.clauses.join(' ') };
    case 'sign':
    case 'withdrawProposal':
      return { subject: a.proposal, detail: '' };
    case 'useInstrument':
      return { subject: a.instrument, detail: '' };
    case 'injectEvent':
      return { subject: a.event ?? 'custom', detail: a.custom ? `${a.custom.headline.en}: ${a.custom.text.en}` : '' };
    case 'setSeat':
      return { subject: a.seat, detail: a.controller + (a.strategy ? ` (${a.strategy})` : '') };
    default:
      return { subject: '', detail: '' };
  }
}

export function decisionRows(room: RoomTag, entries: readonly TimelineEntry[]): Cell[][] {
  return entries
    .filter((e) => e.action && e.action.type !== 'done')
    .map((e) => {
      const { subject, detail } = describe(e);
      const k = e.knew;
      return [
        room.matchId,
        room.code,
        room.label,
        new Date(e.at).toISOString(),
        e.round,
        e.phase,
        e.seat,
        e.action!.type,
        subject,
        detail,
        e.events.map((x) => x.key).join(' '),
        k?.balance.low,
        k?.balance.high,
        k?.balance.gap,
        k ? k.balance.exact : undefined,
        k?.truth,
        k?.intel?.effective[0],
        k?.intel?.effective[1],
      ];
    });
}
