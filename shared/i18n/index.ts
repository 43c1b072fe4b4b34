// Engine events become sentences through the locale files; ids become scenario names here. The
// locale files themselves are loaded by whoever holds the i18next instance: texts.ts on Node (all
// languages), client/i18n.ts in the browser (each language when it is chosen).
import type { Scenario, Text } from '../scenario/schema.js';
import type { MatchEvent } from '../engine/types.js';

export type Language = keyof Text;
/** Every language the game speaks, English (the source and the fallback) first. */
export const LANGUAGES = ['en', 'hy', 'az', 'ru'] as const satisfies readonly Language[];
export const isLanguage = (x: unknown): x is Language => (LANGUAGES as readonly unknown[]).includes(x);

/** What describeEvent needs of an i18next instance: its t, in the reader's language. */
export interface Translator {
  t(key: string, options?: Record<string, unknown>): string;
}

export const pickText = (t: Text | undefined, lng: Language = 'en'): string => (t ? (t[lng] ?? t.en) : '');

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
  const seatName = (id: unknown) => pickText(s.seats[id as keyof Scenario['seats']]?.name, lng) || (typeof id === 'string' ? tr.t(`seats.${id}`, { defaultValue: id }) : String(id));
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

/** One event as a sentence in the translator's language. A seat change reads by who now plays it (`seat.changed_bot`). */
export function describeEvent(tr: Translator, e: MatchEvent, s: Scenario | null, lng: Language = 'en'): string {
  const context = e.key === 'seat.changed' ? String(e.params.controller) : undefined;
  return tr.t(`event.${e.key}`, { ...eventParams(tr, e, s, lng), ...(context ? { context } : {}), defaultValue: e.key });
}
