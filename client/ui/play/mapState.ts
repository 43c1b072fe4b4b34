// What the map draws, derived from the scenario and the seat's view (pure, so it is tested).
import { isParty } from '../../../shared/engine/match.js';
import type { SeatView } from '../../../shared/engine/view.js';
import type { PublicScenario } from '../../../shared/protocol/index.js';
import type { Party } from '../../../shared/scenario/schema.js';
import type { MapState, RangeRing } from '../../map/bus.js';
import { ownParty } from '../../preview/odds.js';
import { escalationPrevailed, isDelivery, isEscalation } from '../events.js';

/** Reach of the viewer's own drones and missiles: the longest range among what it has received,
 *  else the shortest on offer when it holds some of that component. */
export function rangeRings(view: SeatView, scenario: PublicScenario): RangeRing[] {
  if (!isParty(view.seat)) return [];
  const me = view.seat as Party;
  const own = ownParty(view, me);
  if (!own) return [];
  const home = scenario.regions.find((r) => r.country === me && r.kind === 'context') ?? scenario.regions.find((r) => r.controller === me);
  if (!home) return [];
  const delivered = new Set(view.events.filter(isDelivery).map((e) => String(e.params.item)));
  const rings: RangeRing[] = [];
  for (const kind of ['missiles', 'drones'] as const) {
    const items = scenario.procurement.filter((p) => p.component === kind && p.rangeKm && p.buyers.includes(me));
    if (!items.length) continue;
    const got = items.filter((p) => delivered.has(p.id));
    const km = got.length ? Math.max(...got.map((p) => p.rangeKm!)) : own.strength[kind] > 0.5 ? Math.min(...items.map((p) => p.rangeKm!)) : 0;
    if (km > 0) rings.push({ kind, km, center: home.label });
  }
  return rings;
}

export function mapStateOf(view: SeatView, scenario: PublicScenario, names: (id: string) => string, selected: string | null): MapState {
  return {
    regions: scenario.regions.filter((r) => view.regions[r.id]).map((def) => ({ def, state: view.regions[def.id], name: names(def.id) })),
    rings: rangeRings(view, scenario),
    selected,
    clashes: view.events
      .filter((e) => e.round === view.round && isEscalation(e))
      .map((e) => ({ region: String(e.params.region), success: escalationPrevailed(e) })),
    viewer: view.seat,
  };
}
