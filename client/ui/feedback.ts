// Which intents' feedback is on screen: every pending one, and the newest settled ones up to a limit.
import type { Pending } from '../store/types.js';

/** How long an accepted action's toast stays; refusals stay until dismissed. */
export const ACCEPTED_MS = 3000;
/** At most this many toasts at once: the oldest settled ones give way. */
export const MAX_TOASTS = 4;

export function toastsShown(all: readonly Pending[]): Pending[] {
  const settled = all.filter((p) => p.status !== 'pending');
  const hidden = new Set(settled.slice(0, Math.max(0, all.length - MAX_TOASTS)).map((p) => p.id));
  return all.filter((p) => !hidden.has(p.id));
}
