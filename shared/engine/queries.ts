// What the rules decide, asked of the table as a seat sees it: the panels and the bots put these
// questions to a seat's view and the scenario, and the rules' own checks (rules.ts) call the same
// functions on the match, so each rule is written once.
import type { DemandDef, Mediator, Party, Phase, PlayingSeat, Scenario } from '../scenario/schema.js';

type InstrumentDef = Scenario['instruments'][number];
import { otherParty } from './match.js';
import type { ActiveInstrument, Demand, Ending, Match, Plan, Proposal, Refusal, RefusalCode, RefusalParams, RegionState } from './types.js';

/**
 * What a rule may read of the table: the fields a match and a seat's view (SeatView) both have.
 * A party's budget is there in its own view and in the match.
 */
export interface Table {
  round: number;
  phase: Phase;
  ended: Ending | null;
  demands: readonly Demand[];
  proposals: readonly Proposal[];
  instruments: readonly ActiveInstrument[];
  embargoes: Match['embargoes'];
  done: readonly PlayingSeat[];
  regions: Record<string, RegionState>;
  mediators: Partial<Record<Mediator, { prestige: number }>>;
  parties: Record<Party, { support: number; budget?: number }>;
}

export const refuse = (code: RefusalCode, reason: string, params?: RefusalParams): Refusal => ({ ok: false, code, reason, ...(params ? { params } : {}) });

/** The catalogue demand with this id, or null (a demand in the issuer's own words has none). */
export function catalogueDemand(scenario: Scenario, id: string | null | undefined): DemandDef | null {
  return id ? (scenario.demands.find((d) => d.id === id) ?? null) : null;
}

/** The scenario's instrument with this id (a loop, not `find`: the bots' playouts ask it for every instrument in force). */
export function catalogueInstrument(scenario: Scenario, id: string): InstrumentDef | undefined {
  for (const i of scenario.instruments) if (i.id === id) return i;
  return undefined;
}

/** Whether a demand went through: the addressee accepted it, or it was imposed. */
export const wentThrough = (d: Pick<Demand, 'status'>): boolean => d.status === 'accepted' || d.status === 'imposed';

/** How much accepting a demand costs the addressee: the catalogue's weight, else the scenario's weight for a demand in one's own words. */
export function demandWeight(scenario: Scenario, def: DemandDef | null): number {
  return def?.weight ?? scenario.demandRules.customWeight;
}

/**
 * Where the issuer of a refused demand presses by force unless it names a region: the catalogue
 * demand's own region, else the first border region of the addressee, else the first region in
 * the theatre.
 */
export function pressureRegion(scenario: Scenario, def: DemandDef | null, issuer: Party): string {
  if (def) return def.pressure;
  const target = otherParty(issuer);
  return scenario.regions.find((r) => r.kind === 'border' && r.country === target)?.id ?? scenario.regions.find((r) => r.kind !== 'context')!.id;
}

/** What a plan costs: reform and diplomacy, and each procurement line (unknown items cost nothing here; the plan rule refuses them). */
export function planCost(scenario: Scenario, plan: Pick<Plan, 'procure' | 'reform' | 'diplomacy'>): number {
  let cost = plan.reform + plan.diplomacy;
  for (const line of plan.procure) {
    const item = scenario.procurement.find((p) => p.id === line.item);
    if (item) cost += item.cost * line.qty;
  }
  return cost;
}

/** What on the table stands in the way of a catalogue demand: see `demandBlocks`. */
export type TableBlock = 'too_many_open' | 'repeats_used' | 'on_table';
/** Why a catalogue demand cannot be issued now: the phase, or the table. */
export type DemandBlock = 'wrong_phase' | TableBlock;

/** How many times a catalogue demand has been issued in this match (every demand stays on the record). */
export const timesIssued = (t: Pick<Table, 'demands'>, defId: string): number => t.demands.reduce((n, d) => (d.def === defId ? n + 1 : n), 0);

/** Whether `from` has as many demands open as the scenario allows. */
export const tooManyOpen = (t: Pick<Table, 'demands'>, scenario: Scenario, from: Party): boolean =>
  t.demands.filter((d) => d.from === from && d.status === 'open').length >= scenario.demandRules.maxOpen;

/**
 * What stands in the way of `from` issuing catalogue demand `def` now, in the order the rule
 * checks it: too many of its demands open, the demand's repeats used up, the demand on the table.
 */
export function demandBlocks(t: Pick<Table, 'demands'>, scenario: Scenario, from: Party, def: DemandDef): TableBlock[] {
  const blocks: TableBlock[] = [];
  if (tooManyOpen(t, scenario, from)) blocks.push('too_many_open');
  if (repeatsUsed(t, def)) blocks.push('repeats_used');
  if (onTable(t, def)) blocks.push('on_table');
  return blocks;
}

/**
 * The catalogue demands `from` may still issue: repeats left, not on the table (every block but
 * 'too_many_open', which passes as demands are answered; whether one may go out now, demandBlocks says).
 */
export const demandsLeft = (t: Pick<Table, 'demands'>, scenario: Scenario, from: Party): DemandDef[] =>
  scenario.demands.filter((def) => def.from === from && !repeatsUsed(t, def) && !onTable(t, def));

const repeatsUsed = (t: Pick<Table, 'demands'>, def: DemandDef) => timesIssued(t, def.id) >= def.repeats;
const onTable = (t: Pick<Table, 'demands'>, def: DemandDef) => t.demands.some((d) => d.def === def.id && d.status === 'open');

/** The refusal the rules give for a demand's first block. */
export function demandBlockRefusal(scenario: Scenario, def: DemandDef, block: TableBlock): Refusal {
  if (block === 'too_many_open') return refuse('not_allowed', `at most ${scenario.demandRules.maxOpen} open demands at once`, { why: 'tooManyOpen', max: scenario.demandRules.maxOpen });
  if (block === 'repeats_used') return refuse('no_repeats_left', `"${def.id}" cannot be issued again`, { demand: def.id });
  return refuse('not_allowed', `"${def.id}" is already on the table`, { why: 'onTable', demand: def.id });
}

/** Why a package of clauses cannot be proposed (or offered as a counter), or null. */
export function clausesRefusal(scenario: Scenario, clauses: readonly string[] | undefined): Refusal | null {
  if (!clauses?.length) return refuse('bad_action', 'a proposal needs clauses', { why: 'noClauses' });
  if (new Set(clauses).size !== clauses.length) return refuse('bad_action', 'a clause is listed twice', { why: 'clauseTwice' });
  for (const c of clauses) if (!scenario.clauses.some((x) => x.id === c)) return refuse('unknown_clause', `no clause "${c}"`, { clause: c });
  const min = scenario.settlement.minClauses;
  if (clauses.length < min) return refuse('not_allowed', `a package needs at least ${min} clauses`, { why: 'minClauses', min });
  return null;
}

/** The summit in force this round, if one is. */
export function summitInForce(scenario: Scenario, t: Pick<Table, 'round' | 'instruments'>): ActiveInstrument | undefined {
  return t.instruments.find((x) => x.until >= t.round && catalogueInstrument(scenario, x.id)?.kind === 'summit');
}
