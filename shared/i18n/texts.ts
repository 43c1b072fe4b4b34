// The engine's texts in every language, for Node (the simulator's printout, the bots' table talk,
// tests). The browser loads them one language at a time instead (client/i18n.ts).
import i18next, { type i18n } from 'i18next';
import az from '../locales/az.json' with { type: 'json' };
import en from '../locales/en.json' with { type: 'json' };
import hy from '../locales/hy.json' with { type: 'json' };
import ru from '../locales/ru.json' with { type: 'json' };
import type { Language } from './index.js';

export const ENGINE_TEXTS: Record<Language, object> = { en, hy, az, ru };

/** A separate i18next instance, so a client's own instance is not disturbed. */
export function createTexts(lng: Language = 'en'): i18n {
  const t = i18next.createInstance();
  const resources = Object.fromEntries(Object.entries(ENGINE_TEXTS).map(([l, translation]) => [l, { translation }]));
  void t.init({ lng, fallbackLng: 'en', resources, interpolation: { escapeValue: false }, initAsync: false });
  return t;
}
