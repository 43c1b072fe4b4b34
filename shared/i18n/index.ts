// Engine events become sentences through the locale files; ids become scenario names here. The
// locale files themselves are loaded by whoever holds the i18next instance: texts.ts on Node (all
// languages), client/i18n.ts in the browser (each language when it is chosen).
import type { Scenario, Text } from '../scenario/schema.js';
import type { Demand, MatchEvent } from '../engine/types.js';

export type Language = keyof Text;
/** Every language the game speaks, English (the source and the fallback) first. */
export const LANGUAGES = ['en', 'hy', 'az', 'ru'] as const satisfies readonly Language[];
export const isLanguage = (x: unknown): x is Language => (LANGUAGES as readonly unknown[]).includes(x);

/** What describeEvent needs of an i18next instance: its t, in the reader's language. */
export interface Translator {
  t(key: string, options?: Record<string, unknown>): string;
}

export const pickText = (t: Text | undefined, lng: Language = 'en'): string => (t ? (t[lng] ?? t.en) : '');

/** A seat's name: the scenario's, else the locale files'. */
function nameOfSeat(tr: Translator, s: Scenario | null, id: unknown, lng: Language): string {
  return pickText(s?.seats[id as keyof Scenario['seats']]?.name, lng) || (typeof id === 'string' ? tr.t(`seats.${id}`, { defaultValue: id }) : String(id));
}

/** Turn an event's ids into names the reader knows, and its words (endings, stances) into the reader's language. */
export function eventParams(tr: Translator, e: MatchEvent, s: Scenario | null, lng: Language = 'en'): Record<string, string | number> {
  const p = e.params;
  const word = (prefix: string, v: unknown) => (typeof v === 'string' ? tr.t(`${prefix}.${v}`, { defaultValue: v }) : undefined);
  const words: Record<string, string | number> = {};
  // The ending's kind and a mediator's read of each capital (firm, steady, wavering) are words of the locale files.
  if (typeof p.kind === 'string') words.kind = word('ending', p.kind)!;
  for (const k of ['armenia', 'azerbaijan'] as const) if (typeof p[k] === 'string') words[k] = word('stance', p[k])!;
  // An empty counter-proposal id still reads as a dash.
  if (p.counter === '') words.counter = '—';
  if (!s) return { ...p, ...words, demandTitle: String(p.text ?? p.id ?? '') };
  const seatName = (id: unknown) => nameOfSeat(tr, s, id, lng);
  const demand = s.demands.find((d) => d.id === p.demand);
  const card = s.events.find((x) => x.id === p.id);
  return {
    ...p,
    ...words,
    fromName: seatName(p.from),
    toName: seatName(p.to),
    byName: seatName(p.by),
    attackerName: seatName(p.attacker),
    partyName: seatName(p.party),
    seatName: seatName(p.seat),
    ofName: seatName(p.of),
    // A demand in the issuer's own words is its text as typed; each language's sentence quotes it.
    demandTitle: demand ? pickText(demand.title, lng) : String(p.text || p.id || ''),
    regionName: pickText(s.regions.find((r) => r.id === p.region)?.name, lng) || String(p.region ?? ''),
    instrumentName: pickText(s.instruments.find((i) => i.id === p.id)?.name, lng),
    itemName: pickText(s.procurement.find((i) => i.id === p.item)?.name, lng) || String(p.item ?? ''),
    headline: card ? pickText(card.headline, lng) : String(p.headline ?? ''),
    armeniaRedLineTitle: pickText(s.demands.find((d) => d.id === p.armeniaRedLine)?.title, lng) || '—',
    azerbaijanRedLineTitle: pickText(s.demands.find((d) => d.id === p.azerbaijanRedLine)?.title, lng) || '—',
  };
}

/** Who reads a line, and the demands on record (to name a demand its event gives only by id). */
export interface Reader {
  /** The reader's seat: a private line of another seat is told in the third person, naming that seat. */
  seat?: string;
  demands?: readonly Pick<Demand, 'id' | 'def' | 'text'>[];
}

/** Whether a private line is someone else's: the facilitator's, a spectator's, or anyone's after the end. */
export const aboutOthers = (e: Pick<MatchEvent, 'to'>, reader: Reader): boolean => !!e.to && !!reader.seat && !(e.to as readonly string[]).includes(reader.seat);

/**
 * One event as a sentence in the translator's language. A seat change reads by who now plays it
 * (`seat.changed_bot`); another seat's private line reads in the third person (`eventAbout.*`).
 */
export function describeEvent(tr: Translator, e: MatchEvent, s: Scenario | null, lng: Language = 'en', reader: Reader = {}): string {
  let params = e.params;
  // A demand's later events (expired, implemented, imposed) carry only its id: name it from the record.
  if (e.key.startsWith('demand.') && !params.demand && !params.text && typeof params.id === 'string') {
    const d = reader.demands?.find((x) => x.id === params.id);
    if (d?.def) params = { ...params, demand: d.def };
    else if (d?.text) params = { ...params, text: d.text };
  }
  const context = e.key === 'seat.changed' ? String(e.params.controller) : undefined;
  const p = { ...eventParams(tr, params === e.params ? e : { ...e, params }, s, lng), ...(context ? { context } : {}) };
  const own = tr.t(`event.${e.key}`, { ...p, defaultValue: e.key });
  if (!aboutOthers(e, reader)) return own;
  const who = e.to!.map((seat) => nameOfSeat(tr, s, seat, lng)).join(', ');
  return tr.t(`eventAbout.${e.key}`, { ...p, who, defaultValue: own });
}
