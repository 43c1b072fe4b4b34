// Every text a player reads comes from the locale files; scenario texts carry a field per language.
// English is bundled (it is the fallback); another language's files load when it is chosen.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import sharedEn from '../shared/locales/en.json';
import { isLanguage, LANGUAGES, type Language } from '../shared/i18n/index.js';
import type { Text } from '../shared/scenario/schema.js';
import { formatNumber } from './ui/format.js';

export { isLanguage, LANGUAGES, type Language };

/** Each language by its own name, as the switcher lists them. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', hy: 'Հայերեն', az: 'Azərbaycanca', ru: 'Русский' };

export type Catalogue = { [k: string]: unknown };

/** The interface's and the engine's texts of a language, as one i18next resource. */
export async function loadCatalogue(lng: Language): Promise<Catalogue> {
  const [ui, engine] = await Promise.all([UI[lng](), ENGINE[lng]()]);
  return deepMerge(engine.default as Catalogue, ui.default as Catalogue);
}
type Json = Promise<{ default: unknown }>;
const UI: Record<Language, () => Json> = {
  en: async () => ({ default: en }),
  hy: () => import('./locales/hy.json'),
  az: () => import('./locales/az.json'),
  ru: () => import('./locales/ru.json'),
};
const ENGINE: Record<Language, () => Json> = {
  en: async () => ({ default: sharedEn }),
  hy: () => import('../shared/locales/hy.json'),
  az: () => import('../shared/locales/az.json'),
  ru: () => import('../shared/locales/ru.json'),
};

/**
 * An i18next instance in English, with `more` languages' catalogues already loaded (tests);
 * `onMissing` (tests) hears every key that has no text.
 */
export function createI18n(lng: Language = 'en', onMissing?: (key: string) => void, more: Partial<Record<Language, Catalogue>> = {}): i18n {
  const inst = i18next.createInstance();
  const resources: Record<string, { translation: Catalogue }> = { en: { translation: deepMerge(sharedEn as Catalogue, en as Catalogue) } };
  for (const [l, c] of Object.entries(more)) resources[l] = { translation: c };
  void inst
    .use(initReactI18next)
    // Every number a text interpolates is written the reader's way (1.5 → 1,5 in hy, az, ru).
    .use({ type: 'formatter', init() {}, add() {}, addCached() {}, format: (value: unknown, _format: unknown, l?: string) => (typeof value === 'number' ? formatNumber(value, l) : value) })
    .init({
      resources,
      lng: resources[lng] ? lng : 'en',
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      initAsync: false,
      interpolation: { escapeValue: false, alwaysFormat: true }, // React escapes; chat and names are never HTML
      returnNull: false,
      saveMissing: !!onMissing,
      missingKeyHandler: onMissing ? (_l, _ns, key) => onMissing(key) : false,
    });
  return inst;
}

/** Switch to a language, loading its catalogue the first time. */
export async function switchLanguage(inst: i18n, lng: Language): Promise<void> {
  if (!inst.hasResourceBundle(lng, 'translation')) inst.addResourceBundle(lng, 'translation', await loadCatalogue(lng));
  await inst.changeLanguage(lng);
}

function deepMerge(a: Catalogue, b: Catalogue): Catalogue {
  const out: Catalogue = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev && v && typeof prev === 'object' && typeof v === 'object' && !Array.isArray(v) ? deepMerge(prev as Catalogue, v as Catalogue) : v;
  }
  return out;
}

/** A scenario text in the player's language, English when not yet translated. */
export function tx(text: Text | undefined | null, lng: string): string {
  if (!text) return '';
  return (text as Record<string, string | undefined>)[lng] ?? text.en;
}
