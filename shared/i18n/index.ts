// Engine events become sentences through the locale files; ids become scenario names here.
import i18next, { type i18n } from 'i18next';
import type { Scenario, Text } from '../scenario/schema.js';
import type { MatchEvent } from '../engine/types.js';
import en from '../locales/en.json' with { type: 'json' };

export type Language = keyof Text;

/** A separate i18next instance, so the client's own instance is not disturbed. */
export function createTexts(lng: Language = 'en'): i18n {
  const t = i18next.createInstance();
  void t.init({ lng, fallbackLng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false }, initAsync: false });
  return t;
}

export const pickText = (t: Text | undefined, lng: Language = 'en'): string => (t ? (t[lng] ?? t.en) : '');

/** Turn an event's ids into names the reader knows. */
export function eventParams(e: MatchEvent, s: Scenario, lng: Language = 'en'): Record<string, string | number> {
  const seatName = (id: unknown) => pickText(s.seats[id as keyof Scenario['seats']]?.name, lng) || String(id);
  const p = e.params;
  const demand = s.demands.find((d) => d.id === p.demand);
  const card = s.events.find((x) => x.id === p.id);
  return {
    ...p,
    fromName: seatName(p.from),
    toName: seatName(p.to),
    byName: seatName(p.by),
    attackerName: seatName(p.attacker),
    partyName: seatName(p.party),
    seatName: seatName(p.seat),
    ofName: seatName(p.of),
    demandTitle: demand ? pickText(demand.title, lng) : String(p.text || p.id || ''),
    regionName: pickText(s.regions.find((r) => r.id === p.region)?.name, lng) || String(p.region ?? ''),
    instrumentName: pickText(s.instruments.find((i) => i.id === p.id)?.name, lng),
    itemName: pickText(s.procurement.find((i) => i.id === p.item)?.name, lng) || String(p.item ?? ''),
    headline: card ? pickText(card.headline, lng) : String(p.headline ?? ''),
    armeniaRedLineTitle: pickText(s.demands.find((d) => d.id === p.armeniaRedLine)?.title, lng) || '—',
    azerbaijanRedLineTitle: pickText(s.demands.find((d) => d.id === p.azerbaijanRedLine)?.title, lng) || '—',
  };
}

export function describeEvent(t: i18n, e: MatchEvent, s: Scenario, lng: Language = 'en'): string {
  return t.t(`event.${e.key}`, eventParams(e, s, lng));
}
