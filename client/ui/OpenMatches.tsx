// The public list of open matches (casual play): refreshed while the home screen is open.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenMatch } from '../net/intents.js';
import { useIntents } from './context.js';

const REFRESH_MS = 10_000;

export function OpenMatches({ onJoin, disabled }: { onJoin: (code: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const intents = useIntents();
  const [matches, setMatches] = useState<OpenMatch[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => intents.openMatches().then((m) => live && setMatches(m), () => live && setMatches([]));
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [intents]);
  return (
    <section className="open-matches" aria-labelledby="open-matches-h">
      <h3 id="open-matches-h">{t('openMatches.title')}</h3>
      {matches && matches.length === 0 && <p className="hint">{t('openMatches.none')}</p>}
      <ul>
        {(matches ?? []).slice(0, 6).map((m) => {
          const name = m.name || t('openMatches.untitled');
          const bots = Object.values(m.seats).filter((c) => c === 'bot').length;
          return (
            <li key={m.matchId}>
              <button type="button" onClick={() => onJoin(m.code)} disabled={disabled}>
                {t('openMatches.join', { name })}
              </button>{' '}
              <span className="hint">
                {t('openMatches.round', { round: m.round })} · {t('openMatches.bots', { count: bots })}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
