// Which language a reader gets: the one they chose (kept across reloads), else the first of the
// browser's languages the game speaks, else English. The page's <html lang> follows the choice.
import type { i18n } from 'i18next';
import { isLanguage, switchLanguage, type Language } from './i18n.js';

const KEY = 'parity.lang';

/** `navigator.languages` in order of preference: "hy-AM" → hy, "ru" → ru; unknown ones are skipped. */
export function preferredLanguage(languages: readonly string[] = [], stored: string | null = null): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of languages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The reader's language on this browser now. */
export function detectLanguage(): Language {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return preferredLanguage(nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [], storedLanguage());
}

/** Switch the interface, keep the choice for the next visit, and tell the page (lang, for fonts, hyphenation and screen readers). */
export async function chooseLanguage(inst: i18n, lng: Language, remember = true): Promise<void> {
  await switchLanguage(inst, lng);
  document.documentElement.lang = lng;
  if (!remember) return;
  try {
    localStorage.setItem(KEY, lng);
  } catch {
    /* private mode: the choice lasts this visit */
  }
}
