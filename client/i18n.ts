// Every text a player reads comes from the locale files; scenario texts carry a field per language.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import sharedEn from '../shared/locales/en.json';
import type { Text } from '../shared/scenario/schema.js';

/** `onMissing` (tests) hears every key that has no text. */
export function createI18n(lng = 'en', onMissing?: (key: string) => void): i18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    // The engine's texts (events, gaps, phases) come from shared/locales; the interface's from ours.
    resources: { en: { translation: deepMerge(sharedEn as Tree, en as Tree) } },
    lng,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes; chat and names are never HTML
    returnNull: false,
    saveMissing: !!onMissing,
    missingKeyHandler: onMissing ? (_l, _ns, key) => onMissing(key) : false,
  });
  return inst;
}

type Tree = { [k: string]: unknown };
function deepMerge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev && v && typeof prev === 'object' && typeof v === 'object' && !Array.isArray(v) ? deepMerge(prev as Tree, v as Tree) : v;
  }
  return out;
}

/** A scenario text in the player's language, English when not yet translated. */
export function tx(text: Text | undefined | null, lng: string): string {
  if (!text) return '';
  return (text as Record<string, string | undefined>)[lng] ?? text.en;
}
