// The round report's lines about the map, in words: only what changed, and how many people were
// newly displaced, by the fighting and as demands took effect.
import type { SeatView } from '../../../shared/engine/view.js';
import { formatNumber } from '../format.js';
import type { Namer } from '../names.js';

export type T = (k: string, o?: Record<string, unknown>) => string;

/** What changed on the map in each region, in words: only what did change. */
export function mapChanges(before: SeatView, after: SeatView, t: T, n: Namer, lng: string): { region: string; text: string }[] {
  const lines: { region: string; text: string }[] = [];
  for (const id of Object.keys(after.regions)) {
    const a = after.regions[id];
    const b = before.regions[id];
    if (!b) continue;
    const parts: string[] = [];
    if (a.controller !== b.controller) parts.push(t('report.nowHeld', { after: t(`controllers.${a.controller}`), before: t(`controllers.${b.controller}`) }));
    const displaced = a.displaced - b.displaced;
    if (displaced > 0) parts.push(t('report.moreDisplaced', { count: displaced, number: formatNumber(displaced, lng) }));
    if (displaced < 0) parts.push(t('report.returned', { count: -displaced, number: formatNumber(-displaced, lng) }));
    if (a.peacekeepers !== b.peacekeepers) parts.push(t(a.peacekeepers ? 'report.peacekeepersIn' : 'report.peacekeepersOut'));
    if (a.monitors !== b.monitors) parts.push(t(a.monitors ? 'report.monitorsIn' : 'report.monitorsOut'));
    if (parts.length) lines.push({ region: id, text: t('report.regionLine', { region: n.region(id), changes: parts.join('; ') }) });
  }
  return lines;
}

/** People newly displaced this round, in all and by the fighting (the rest as terms took effect). */
export function displacedLine(before: SeatView, after: SeatView, fighting: number, t: T, lng: string): string | null {
  let total = 0;
  for (const id of Object.keys(after.regions)) total += Math.max(0, after.regions[id].displaced - (before.regions[id]?.displaced ?? after.regions[id].displaced));
  if (total <= 0) return null;
  const f = Math.min(fighting, total);
  if (f <= 0 || f === total) return t(f === total ? 'report.displacedFighting' : 'report.displacedTotal', { count: total, number: formatNumber(total, lng) });
  return t('report.displacedBoth', { count: total, number: formatNumber(total, lng), fighting: formatNumber(f, lng), terms: formatNumber(total - f, lng) });
}
