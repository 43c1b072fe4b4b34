// The engine copies a match's field when a rule reads or changes it through its draft
// (shared/engine/match.ts); untouched fields are the previous match's own objects already. A field
// that was read but holds the same data (say the parties, read to record the meters) is a fresh
// copy: putting back the previous match's object lets the copy die young instead of being kept
// until the room's next move, and makes "this field did not change" a reference check (views.ts).

import type { Match } from '../shared/engine/index.js';

/** `next`, with each top-level field that holds the same data as in `prev` replaced by prev's. */
export function shareUnchanged(prev: Match | null, next: Match): Match {
  if (!prev || prev === next) return next;
  // Only top-level slots are replaced: `next` is the engine's fresh object. Its nested objects
  // may be shared with the scenario and are never written here.
  const out = next as unknown as Record<string, unknown>;
  const old = prev as unknown as Record<string, unknown>;
  for (const k in out) {
    const a = old[k];
    const b = out[k];
    if (a !== b && typeof b === 'object' && b !== null && sameData(a, b)) out[k] = a;
  }
  return next;
}

/** Deep equality of plain data (objects, arrays, strings, numbers, booleans, null). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (!sameData(x[k], y[k]) || !(k in y)) return false;
    n++;
  }
  for (const _ in y) n--;
  return n === 0;
}
