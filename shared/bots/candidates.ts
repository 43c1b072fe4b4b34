// The moves the search bot weighs, besides what each personality would do now: packages it could
// table, beside a stale one of its own (chosen from its own view: the split the other side would
// likely sign, its own objectives, the durability it expects), each demand it could press, each
// open package it could sign.
import type { PlayingSeat, Scenario } from '../scenario/schema.js';
import type { ActionOf } from '../engine/actions.js';
import { catalogueInstrument } from '../engine/queries.js';
import { checkAction, demandOptions } from '../engine/rules.js';
import { durabilityAt } from '../engine/settlement.js';
import type { SeatView } from '../engine/view.js';
import { allPackages, believedRatio, clauseValue } from './judgement.js';

/**
 * Up to `count` packages worth tabling now: for each target split of the concessions near what
 * the balance this seat believes in would justify, the package it values most (its objectives'
 * clauses plus half the durability it expects). A party leans its split its own way; a mediator
 * stays near the middle of the range both sides might sign.
 */
export function packagesToTable(scenario: Scenario, view: SeatView, seat: PlayingSeat, count: number): string[][] {
  if (count <= 0) return [];
  const r = believedRatio(view);
  const realist = r / (1 + r);
  const offsets = seat === 'armenia' ? [-0.04, -0.02, 0, -0.06, 0.02, -0.08] : seat === 'azerbaijan' ? [0.04, 0.02, 0, 0.06, -0.02, 0.08] : [0, -0.03, 0.03, -0.06, 0.06, 0.09];
  const packages = allPackages(scenario);
  const out: string[][] = [];
  const taken = new Set<string>();
  for (const off of offsets.slice(0, count)) {
    const target = realist + off;
    let best: { clauses: string[]; score: number } | null = null;
    for (const p of packages) {
      if (Math.abs(p.armeniaShare - target) > 0.02) continue;
      const key = p.clauses.join(',');
      if (taken.has(key)) continue;
      const own = p.clauses.reduce((s, c) => s + clauseValue(scenario, seat, c), 0);
      const score = own + 0.5 * durabilityAt(scenario, view, r, p.clauses);
      if (!best || score > best.score) best = { clauses: p.clauses, score };
    }
    if (best) {
      taken.add(best.clauses.join(','));
      out.push(best.clauses);
    }
  }
  return out;
}

/** Each catalogue demand the view's party could issue now (none for a mediator). */
export function demandsToPress(scenario: Scenario, view: SeatView): string[] {
  return demandOptions(view, scenario).flatMap((o) => (o.refusal ? [] : [o.id]));
}

/**
 * The instruments this mediator could use now (its own, affordable, not in force), one move
 * each and one of each kind: of two summits, say, the one that adds most to a
 * deal signed under it (`durabilityBonus`; the first in the scenario's order on a tie). Two of
 * a kind do the same thing; weighing both would only spend the search's playouts twice.
 * None in a round it has already put one of its own to work: the playouts go on as its
 * personality, which spends less, so each spend looks affordable alone, while stacked in one
 * round they leave short the prestige its objectives need at the end.
 */
export function instrumentsNow(scenario: Scenario, view: SeatView, seat: PlayingSeat): ActionOf<'useInstrument'>[] {
  const startedNow = (x: SeatView['instruments'][number]) => x.until - (catalogueInstrument(scenario, x.id)?.lasts ?? 1) + 1 === view.round;
  if (view.instruments.some((x) => x.by === seat && startedNow(x))) return [];
  const best = new Map<string, Scenario['instruments'][number]>();
  for (const i of scenario.instruments) {
    if (checkAction(view, scenario, seat, { type: 'useInstrument', instrument: i.id }) !== null) continue;
    const held = best.get(i.kind);
    if (!held || i.durabilityBonus > held.durabilityBonus) best.set(i.kind, i);
  }
  return [...best.values()].map((i) => ({ type: 'useInstrument' as const, instrument: i.id }));
}

/**
 * Packages to table now (`packagesToTable`), each as a move. A package of this seat's own still
 * open from an earlier round has not found both signatures: a fresh one goes on the table beside
 * it (the signature already on it stays; the same clauses again are no new offer). None while a
 * package it tabled this round is still new.
 */
export function freshPackages(scenario: Scenario, view: SeatView, seat: PlayingSeat, count: number): ActionOf<'propose'>[] {
  const mine = view.proposals.filter((p) => p.by === seat && p.status === 'open');
  if (mine.some((p) => p.round === view.round)) return [];
  const key = (clauses: readonly string[]) => [...clauses].sort().join(',');
  const tabled = new Set(mine.map((p) => key(p.clauses)));
  return packagesToTable(scenario, view, seat, count).flatMap((clauses) => (tabled.has(key(clauses)) ? [] : [{ type: 'propose' as const, clauses }]));
}
