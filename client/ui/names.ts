// Names of seats, regions, demands, items and events, from the scenario and the locale files.
import type { TFunction } from 'i18next';
import type { PlayingSeat, Scenario } from '../../shared/scenario/schema.js';
import type { Demand, MatchEvent, Seat } from '../../shared/engine/types.js';
import { tx } from '../i18n.js';
import { eventParams, type Language } from '../../shared/i18n/index.js';
import { isAboutDemand } from './events.js';
import { formatNumber } from './format.js';

export interface Namer {
  seat(s: string): string;
  region(id: string): string;
  demand(id: string): string;
  item(id: string): string;
  clause(id: string): string;
  instrument(id: string): string;
}

export function namer(scenario: Scenario | null, t: TFunction, lng: string): Namer {
  const find = <T extends { id: string }>(list: T[] | undefined, id: string) => list?.find((x) => x.id === id);
  return {
    seat: (s) => {
      const def = scenario?.seats[s as keyof Scenario['seats']];
      return def ? tx(def.name, lng) : t(`seats.${s as Seat}`, { defaultValue: s });
    },
    region: (id) => tx(find(scenario?.regions, id)?.name, lng) || id,
    demand: (id) => tx(find(scenario?.demands, id)?.title, lng) || id,
    item: (id) => tx(find(scenario?.procurement, id)?.name, lng) || id,
    clause: (id) => tx(find(scenario?.clauses, id)?.text, lng) || id,
    instrument: (id) => tx(find(scenario?.instruments, id)?.name, lng) || id,
  };
}

/** Who reads a line, and the demands on record (to name a demand its event gives only by id). */
export interface Reader {
  /** The reader's seat: a private line of another seat is told in the third person, naming that seat. */
  seat?: Seat;
  demands?: readonly Pick<Demand, 'id' | 'def' | 'text'>[];
}

/** Whether a private line is someone else's: the facilitator's, a spectator's, or anyone's after the end. */
export const aboutOthers = (e: Pick<MatchEvent, 'to'>, reader: Reader): boolean => !!e.to && !!reader.seat && !e.to.includes(reader.seat as PlayingSeat);

/** One line for the news log: the engine's event text with ids turned into names and numbers written in the reader's language. */
export function describeEvent(e: MatchEvent, scenario: Scenario | null, t: TFunction, lng: string, reader: Reader = {}): string {
  const params = { ...e.params };
  // A demand's later events (expired, implemented, imposed) carry only its id: name it from the record.
  if (isAboutDemand(e) && !params.demand && !params.text && typeof params.id === 'string') {
    const d = reader.demands?.find((x) => x.id === params.id);
    if (d?.def) params.demand = d.def;
    else if (d?.text) params.text = d.text;
  }
  const p: Record<string, string | number> = scenario ? eventParams({ ...e, params }, scenario, lng as Language) : { ...params };
  for (const [k, v] of Object.entries(p)) if (typeof v === 'number') p[k] = formatNumber(v, lng, 1);
  if (typeof params.kind === 'string') p.kind = t(`ending.${params.kind}`);
  for (const k of ['armenia', 'azerbaijan']) if (typeof params[k] === 'string') p[k] = t(`words.${params[k]}`, { defaultValue: String(params[k]) });
  if (isAboutDemand(e) && !params.demand && params.text) p.demandTitle = `“${params.text}”`;
  if (typeof params.counter === 'string' && !params.counter) p.counter = '—';
  const own = t(`event.${e.key}`, { ...p, defaultValue: e.key });
  if (!aboutOthers(e, reader)) return own;
  const who = e.to!.map((s) => namer(scenario, t, lng).seat(s)).join(', ');
  return t(`eventAbout.${e.key}`, { ...p, who, defaultValue: own });
}
