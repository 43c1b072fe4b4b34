// The only bridge between React and the Phaser scene: a few named events, nothing else shared.
import type { RegionState } from '../../shared/engine/types.js';
import type { Region } from '../../shared/scenario/schema.js';

export interface RangeRing {
  kind: 'missiles' | 'drones';
  km: number;
  center: [number, number]; // lon, lat
}

export interface MapState {
  regions: { def: Region; state: RegionState; name: string }[];
  rings: RangeRing[];
  selected: string | null;
  /** Regions where force was used this round, with the outcome. */
  clashes: { region: string; success: boolean }[];
  /** Viewer's party, for the legend of its own rings. */
  viewer: string;
}

export interface MapEvents {
  'map:state': MapState;
  'map:escalation': { region: string; success: boolean };
  'map:ready': { width: number; height: number };
  /** How many times the base map has been drawn (it is drawn again only when what it shows changed). */
  'map:baked': number;
  'region:hover': string | null;
  'region:select': string | null;
}

type Handler<K extends keyof MapEvents> = (payload: MapEvents[K]) => void;

export class MapBus {
  private handlers = new Map<keyof MapEvents, Set<Handler<never>>>();
  /** The last payload of each event, so a scene that starts late can catch up. */
  readonly last = new Map<keyof MapEvents, unknown>();

  on<K extends keyof MapEvents>(event: K, h: Handler<K>): () => void {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(h as Handler<never>);
    return () => this.handlers.get(event)?.delete(h as Handler<never>);
  }

  emit<K extends keyof MapEvents>(event: K, payload: MapEvents[K]): void {
    this.last.set(event, payload);
    for (const h of this.handlers.get(event) ?? []) (h as Handler<K>)(payload);
  }

  clear(): void {
    this.handlers.clear();
    this.last.clear();
  }
}
