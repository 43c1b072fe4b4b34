// Copy on write for the rules, and the one optimisation built on it: a new match keeps the
// previous match's own object for every field that holds the same data. So a field a rule only
// read (say the parties, read to record the meters) is the original object again, its copy dies
// young, and "this field did not change" is a reference check (the server's view updates rely on
// it). The original match is never changed.
import type { Match, PartyState, Proposal } from './types.js';

/**
 * How a change copies one object-valued field of a match (as deep as rules change it in place),
 * and whether a copy still holds the original's data (compared as deep as it was copied: below
 * that, objects are shared and never changed, so they are compared by reference).
 */
interface Copier<T> {
  copy(x: T): T;
  same(copy: T, original: T): boolean;
  /**
   * The copy as the new match keeps it, when it holds other data than the original. A list that
   * a rule pushed onto has grown to half again its length, and a deep copy of a list holds a copy
   * of every item: kept as they are, the spare room and the copies of unchanged items would live
   * as long as the match version (in the server, long enough to be copied by a scavenge). So a
   * list is kept at its size, with each item that holds the original's data the original's own.
   */
  settle?(copy: T, original: T): T;
}

const identical = (a: unknown, b: unknown) => a === b;

/** The same items, each the same or `same` by a deeper look. */
function sameItems<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !same(a[i], b[i])) return false;
  return true;
}

/** The same keys with the same values, those named in `deeper` compared by it. */
function sameFields<T extends object>(a: T, b: T, deeper: { [K in keyof T]?: (x: T[K], y: T[K]) => boolean }): boolean {
  let n = 0;
  for (const k in a) {
    n++;
    if (a[k] !== b[k] && !deeper[k]?.(a[k], b[k])) return false;
  }
  for (const _ in b) n--;
  return n === 0;
}

/** The same keys, each value the same by `same`. */
function sameEntries<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>, same: (x: T, y: T) => boolean): boolean {
  let n = 0;
  for (const k in a) {
    n++;
    if (a[k] !== b[k] && (!(k in b) || !same(a[k], b[k]))) return false;
  }
  for (const _ in b) n--;
  return n === 0;
}

/**
 * A record with each value copied (one level down). Spread first, then each value replaced: the
 * copy keeps the record's fast layout, where a record built key by key (a map of 25 regions) turns
 * into a slow dictionary for every later read and copy.
 */
export function copyEach<T extends object>(x: Readonly<Record<string, T>>): Record<string, T> {
  const out = { ...x };
  for (const k in out) out[k] = { ...out[k] };
  return out;
}

/** Deep equality of plain data (numbers, strings, booleans, null, arrays, records). */
function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return sameItems(a, b as unknown[], samePlain);
  return sameEntries(a as Record<string, unknown>, b as Record<string, unknown>, samePlain);
}

const NONE = {};
const shallow = <T extends object>(a: T, b: T) => sameFields(a, b, NONE);
const sameList = <T>(a: readonly T[], b: readonly T[]) => sameItems(a, b, identical);
const list = <T>(): Copier<T[]> => ({ copy: (x) => [...x], same: sameList, settle: (x) => x.slice() });

/** `settle` for a list of copied items: at its size, each item the same by `same` the original's. */
const settleItems =
  <T>(same: (x: T, y: T) => boolean) =>
  (copy: T[], original: T[]): T[] => {
    const out = copy.slice();
    for (let i = 0; i < out.length && i < original.length; i++) if (out[i] !== original[i] && same(out[i], original[i])) out[i] = original[i];
    return out;
  };

const PARTY = { strength: shallow, pipeline: sameList };
const sameParty = (a: PartyState, b: PartyState) => sameFields(a, b, PARTY);
const PROPOSAL = { signed: sameList };
const sameProposal = (a: Proposal, b: Proposal) => sameFields(a, b, PROPOSAL);
const STATS = { demandsIssued: shallow, demandsAccepted: shallow, demandsRefused: shallow, escalations: shallow, escalationSuccesses: shallow, casualties: shallow, crises: shallow };

const FIELDS: { [K in keyof Match]?: Copier<Match[K]> } = {
  seats: { copy: (x) => ({ ...x }), same: shallow },
  parties: {
    copy: (x) => ({ armenia: cloneParty(x.armenia), azerbaijan: cloneParty(x.azerbaijan) }),
    same: (a, b) => sameParty(a.armenia, b.armenia) && sameParty(a.azerbaijan, b.azerbaijan),
  },
  mediators: { copy: (x) => copyEach(x as Record<string, { prestige: number }>), same: (a, b) => sameEntries(a, b, shallow) },
  regions: { copy: copyEach, same: (a, b) => sameEntries(a, b, shallow) },
  demands: { copy: (x) => x.map((d) => ({ ...d })), same: (a, b) => sameItems(a, b, shallow), settle: settleItems(shallow) },
  proposals: {
    copy: (x) => x.map((p) => ({ ...p, signed: [...p.signed] })),
    same: (a, b) => sameItems(a, b, sameProposal),
    settle: settleItems(sameProposal),
  },
  instruments: list(),
  modifiers: list(),
  embargoes: list(),
  done: list(),
  events: list(),
  // Entries are never changed in place, but the last one is replaced whole when the match ends.
  history: { copy: (x) => [...x], same: (a, b) => sameItems(a, b, samePlain) },
  stats: {
    copy: (x) => ({
      demandsIssued: { ...x.demandsIssued },
      demandsAccepted: { ...x.demandsAccepted },
      demandsRefused: { ...x.demandsRefused },
      escalations: { ...x.escalations },
      escalationSuccesses: { ...x.escalationSuccesses },
      casualties: { ...x.casualties },
      displaced: x.displaced,
      maxEscalation: x.maxEscalation,
      crises: { ...x.crises },
    }),
    same: (a, b) => sameFields(a, b, STATS),
  },
  log: list(),
};
const COPIED = Object.keys(FIELDS) as (keyof typeof FIELDS)[];

function cloneParty(p: PartyState): PartyState {
  return { ...p, strength: { ...p.strength }, pipeline: [...p.pipeline], plan: p.plan, intel: p.intel };
}

/**
 * A whole copy that a rule may change without touching the original (the scenario is shared).
 * For a phase change, which touches most fields: plain fields read faster than a draft's. Hand
 * it to `shareUnchanged` once changed.
 */
export function cloneMatch(m: Match): Match {
  const c = FIELDS as Required<typeof FIELDS>;
  return {
    ...m,
    seats: c.seats.copy(m.seats),
    parties: c.parties.copy(m.parties),
    mediators: c.mediators.copy(m.mediators),
    regions: c.regions.copy(m.regions),
    demands: c.demands.copy(m.demands),
    proposals: c.proposals.copy(m.proposals),
    instruments: c.instruments.copy(m.instruments),
    modifiers: c.modifiers.copy(m.modifiers),
    embargoes: c.embargoes.copy(m.embargoes),
    done: c.done.copy(m.done),
    events: c.events.copy(m.events),
    history: c.history.copy(m.history),
    stats: c.stats.copy(m.stats),
    log: c.log.copy(m.log),
  };
}

/** `next` (a changed clone of `original`, the engine's own object) with every field that holds the original's data put back to the original's object. */
export function shareUnchanged(original: Match, next: Match): Match {
  for (const k of COPIED) putBack(original, next, k);
  return next;
}

function putBack<K extends keyof typeof FIELDS>(original: Match, next: Match, k: K): void {
  if (next[k] === original[k]) return;
  const f = FIELDS[k]!;
  if (f.same(next[k], original[k])) next[k] = original[k];
  else if (f.settle) next[k] = f.settle(next[k], original[k]);
}

/**
 * A draft of a match, for a rule to change in place; `finishDraft` turns it into the new match.
 * Each object-valued field is copied the first time the draft's field is read; a field the rule
 * never touched stays the original's own object.
 */
type Copied = keyof typeof FIELDS;
/** The fields a draft takes over as they are (values, or objects a rule only ever replaces whole): every field of a match not in FIELDS. */
const PLAIN = Object.keys({
  scenario: 0, seed: 0, rng: 0, round: 0, phase: 0, escalation: 0, warRounds: 0, stability: 0, turkishBacking: 0, appetite: 0, settlement: 0, ended: 0, nextId: 0,
} satisfies Record<Exclude<keyof Match, Copied>, 0>) as Exclude<keyof Match, Copied>[];

class Draft {
  [key: string]: unknown;
  /** The draft's own copy of each field a rule has read or set so far. */
  readonly copies: { [K in Copied]?: Match[K] } = {};
  constructor(readonly source: Match) {
    // Plain fields are taken over now; the rest are read through the accessors below.
    for (const k of PLAIN) this[k] = source[k];
  }
}
for (const k of COPIED) {
  const copy = FIELDS[k]!.copy as (x: unknown) => unknown;
  Object.defineProperty(Draft.prototype, k, {
    get(this: Draft) {
      const copies = this.copies as Record<Copied, unknown>;
      return (copies[k] ??= copy(this.source[k]));
    },
    set(this: Draft, v: unknown) {
      (this.copies as Record<Copied, unknown>)[k] = v;
    },
  });
}

/** A draft of `m`: change it as a Match, then `finishDraft` it. */
export function draftMatch(m: Match): Match {
  // The accessors defined on Draft.prototype at load time make a Draft read and write as a Match;
  // the type system cannot see properties defined that way, hence the cast (here and below only).
  return new Draft(m) as unknown as Match;
}

/** The new match a draft became: each field the rule changed is the draft's copy, every other the original's object. */
export function finishDraft(draft: Match): Match {
  const d = draft as unknown as Draft;
  return {
    scenario: draft.scenario,
    seed: draft.seed,
    rng: draft.rng,
    round: draft.round,
    phase: draft.phase,
    seats: kept(d, 'seats'),
    parties: kept(d, 'parties'),
    mediators: kept(d, 'mediators'),
    escalation: draft.escalation,
    warRounds: draft.warRounds,
    stability: draft.stability,
    turkishBacking: draft.turkishBacking,
    appetite: draft.appetite,
    regions: kept(d, 'regions'),
    demands: kept(d, 'demands'),
    proposals: kept(d, 'proposals'),
    instruments: kept(d, 'instruments'),
    modifiers: kept(d, 'modifiers'),
    embargoes: kept(d, 'embargoes'),
    done: kept(d, 'done'),
    settlement: draft.settlement,
    ended: draft.ended,
    nextId: draft.nextId,
    events: kept(d, 'events'),
    history: kept(d, 'history'),
    stats: kept(d, 'stats'),
    log: kept(d, 'log'),
  };
}

/** A field of the match a draft became: the draft's copy if it holds other data, else the original's object. */
function kept<K extends Copied>(d: Draft, k: K): Match[K] {
  const copy = d.copies[k];
  const original = d.source[k];
  if (copy === undefined || copy === original || FIELDS[k]!.same(copy, original)) return original;
  const settle = FIELDS[k]!.settle;
  return settle ? settle(copy, original) : copy;
}
