// Arithmetic the rules share. No game figure lives here (those are the scenario's, see
// docs/scenarios.md): only the scale of a meter, percentages, rounding for display and the guards
// of a division. test/shared/numbers.test.ts lets numeric literals stand in this file only.

/** Every meter (support, standing, stability, tension, prestige, durability) runs from 0 to this. */
export const METER_MAX = 100;

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** A meter's value kept in range. */
export const meter = (x: number): number => clamp(x, 0, METER_MAX);

/** A chance as a whole percentage, for events. */
export const percent = (p: number): number => Math.round(p * 100);

/** One decimal, as estimates and costs are shown. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/** x kept off zero, for a divisor or a logarithm (a side with no strength left). */
export const offZero = (x: number): number => Math.max(1e-6, x);

/** a over b, with b kept off zero. */
export const ratioOf = (a: number, b: number): number => a / offZero(b);

/** What sums of costs may be off by in floating point. */
export const FLOAT_NOISE = 1e-9;

/** A draw in [0, 1) moved to be centred on 0. */
export const centred = (u: number): number => u - 0.5;

export const midpoint = (a: number, b: number): number => (a + b) / 2;
