// Seeded PRNG (mulberry32) whose state lives in the match, so replays draw the same numbers.

/** Advance a 32-bit state; returns [value in [0,1), next state]. */
export function step(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** A holder of PRNG state that a draft match mutates. */
export interface RngHolder {
  rng: number;
}

export function random(m: RngHolder): number {
  const [v, next] = step(m.rng);
  m.rng = next;
  return v;
}

/** Pick from weighted items with the match's PRNG. */
export function weightedPick<T>(m: RngHolder, items: readonly T[], weight: (t: T) => number): T | undefined {
  const total = items.reduce((s, t) => s + weight(t), 0);
  if (total <= 0) return undefined;
  let r = random(m) * total;
  for (const t of items) {
    r -= weight(t);
    if (r < 0) return t;
  }
  return items[items.length - 1];
}

/** Mix a seed with a label into a fresh 32-bit state (for independent streams, e.g. bots). */
export function mixSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) | 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h | 0;
}
