// For facilitators only (never players): which interface languages are machine-made and not yet
// reviewed, and which of the scenario's languages fall back to English.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { scenarioCoverage } from '../../shared/i18n/coverage.js';
import type { PublicScenario } from '../../shared/protocol/index.js';
import { LANGUAGES, type Language } from '../i18n.js';
import review from '../locales/review.json';
import { formatList } from './format.js';

const UNREVIEWED = LANGUAGES.filter((l) => l !== 'en' && !(review as Record<string, { reviewed?: boolean }>)[l]?.reviewed);

export function TranslationNotes({ scenario }: { scenario: PublicScenario | null }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const coverage = useMemo(() => (scenario ? scenarioCoverage(scenario) : null), [scenario]);
  const names = (ls: readonly Language[]) => formatList(ls.map((l) => t(`languageNames.${l}`)), lng);
  const missing = coverage ? LANGUAGES.filter((l) => coverage[l].texts > 0 && coverage[l].missing.length === coverage[l].texts) : [];
  const partly = coverage ? LANGUAGES.filter((l) => coverage[l].missing.length && !missing.includes(l)) : [];
  if (!UNREVIEWED.length && !missing.length && !partly.length) return null;
  return (
    // One line until opened, so the rooms keep their room on a projected screen.
    <details className="translation-notes hint" data-testid="translation-notes">
      <summary>{t('fac.languages.summary', { languages: [...new Set([...UNREVIEWED, ...missing, ...partly])].map((l) => l.toUpperCase()).join(' · ') })}</summary>
      {UNREVIEWED.length > 0 && <p data-note="unreviewed">{t('fac.languages.unreviewed', { languages: names(UNREVIEWED) })}</p>}
      {missing.length > 0 && <p data-note="fallback">{t('fac.languages.fallback', { languages: names(missing) })}</p>}
      {partly.length > 0 && <p data-note="partly">{t('fac.languages.partly', { languages: names(partly) })}</p>}
    </details>
  );
}
