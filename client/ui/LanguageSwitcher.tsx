// The language menu, on every screen of the game and the console: each language by its own name.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n.js';
import { chooseLanguage } from '../language.js';
import './LanguageSwitcher.css';

/** `compact`: the languages by their codes (EN, HY, AZ, RU), for a crowded bar; the full names stay in the title and the label. */
export function LanguageSwitcher({ className = '', compact = false }: { className?: string; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <span className={`lang-switch${compact ? ' compact' : ''} ${className}`.trim()} data-testid="language" title={LANGUAGE_NAMES[current]}>
      <label htmlFor={id} className="visually-hidden">
        {t('common.language')}
      </label>
      <svg className="lang-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" />
        <ellipse cx="8" cy="8" rx="3" ry="6.5" fill="none" stroke="currentColor" />
        <path d="M1.5 8h13M2.5 4.5h11M2.5 11.5h11" fill="none" stroke="currentColor" />
      </svg>
      <select id={id} value={current} onChange={(e) => isLanguage(e.target.value) && void chooseLanguage(i18n, e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {compact ? l.toUpperCase() : LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
