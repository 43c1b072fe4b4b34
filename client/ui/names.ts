// Names of seats, regions, demands, items and events, from the scenario and the locale files.
import type { TFunction } from 'i18next';
import { asScenario, type PublicScenario } from '../../shared/protocol/index.js';
import type { MatchEvent, Seat } from '../../shared/engine/types.js';
import { tx } from '../i18n.js';
import { eventParams, type Language } from '../../shared/i18n/index.js';
import { isAboutDemand } from './events.js';

export interface Namer {
  seat(s: string): string;
  region(id: string): string;
  demand(id: string): string;
  item(id: string): string;
  clause(id: string): string;
  instrument(id: string): string;
}

export function namer(scenario: PublicScenario | null, t: TFunction, lng: string): Namer {
  const find = <T extends { id: string }>(list: T[] | undefined, id: string) => list?.find((x) => x.id === id);
  return {
    seat: (s) => {
      const def = scenario?.seats[s as keyof PublicScenario['seats']];
      return def ? tx(def.name, lng) : t(`seats.${s as Seat}`, { defaultValue: s });
    },
    region: (id) => tx(find(scenario?.regions, id)?.name, lng) || id,
    demand: (id) => tx(find(scenario?.demands, id)?.title, lng) || id,
    item: (id) => tx(find(scenario?.procurement, id)?.name, lng) || id,
    clause: (id) => tx(find(scenario?.clauses, id)?.text, lng) || id,
    instrument: (id) => tx(find(scenario?.instruments, id)?.name, lng) || id,
  };
}

/** One line for the news log: the engine's event text with ids turned into names. */
export function describeEvent(e: MatchEvent, scenario: PublicScenario | null, t: TFunction, lng: string): string {
  const p: Record<string, string | number> = scenario ? eventParams(e, asScenario(scenario), lng as Language) : { ...e.params };
  if (typeof e.params.kind === 'string') p.kind = t(`ending.${e.params.kind}`);
  for (const k of ['armenia', 'azerbaijan']) if (typeof e.params[k] === 'string') p[k] = t(`words.${e.params[k]}`, { defaultValue: String(e.params[k]) });
  if (isAboutDemand(e) && !e.params.demand && e.params.text) p.demandTitle = `“${e.params.text}”`;
  if (typeof e.params.counter === 'string' && !e.params.counter) p.counter = '—';
  return t(`event.${e.key}`, { ...p, defaultValue: e.key });
}
