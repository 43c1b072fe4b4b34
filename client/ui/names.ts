// Names of seats, regions, demands, items and events, from the scenario and the locale files.
import type { TFunction } from 'i18next';
import { asScenario, type PublicScenario } from '../../shared/protocol/index.js';
import type { MatchEvent, Seat } from '../../shared/engine/types.js';
import { tx } from '../i18n.js';
import { describeEvent as describe, type Language, type Reader, type Translator } from '../../shared/i18n/index.js';

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

/** One line for the news log: the engine's event text with ids turned into names (shared/i18n), told to `reader`. */
export function describeEvent(e: MatchEvent, scenario: PublicScenario | null, t: TFunction, lng: string, reader: Reader = {}): string {
  return describe({ t: t as Translator['t'] }, e, scenario ? asScenario(scenario) : null, lng as Language, reader);
}
