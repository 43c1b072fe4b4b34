// The news log: every event this seat may see, newest first, by round.
import { useTranslation } from 'react-i18next';
import { useGame } from '../context.js';
import { eventClass, isHeadline, isNews } from '../events.js';
import { aboutOthers } from '../../../shared/i18n/index.js';
import { describeEvent, namer } from '../names.js';

export function NewsLog({ limit = 80 }: { limit?: number }) {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view);
  const scenario = useGame((s) => s.scenario);
  const events = view?.events ?? [];
  const reader = { seat: view?.seat, demands: view?.demands };
  const n = namer(scenario, t, i18n.language);
  const shown = events.filter(isNews).slice(-limit).reverse();
  return (
    <section className="news" aria-labelledby="news-h">
      <h2 id="news-h">{t('news.title')}</h2>
      <ol className="news-log" data-testid="news-log" aria-labelledby="news-h">
        {shown.map((e, i) => (
          <li key={`${events.length - i}`} className={`news-item ${eventClass(e)}${e.to ? ' private' : ''}`}>
            <span className="news-round">{t('news.round', { round: e.round })}</span> {describeEvent(e, scenario, t, i18n.language, reader)}
            {e.to && (
              <span className="badge badge-secret">{aboutOthers(e, reader) ? t('news.privateTo', { who: e.to.map(n.seat).join(', ') }) : t('news.private')}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The latest headline, for the ticker in the phase bar area. */
export function Ticker() {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view);
  const scenario = useGame((s) => s.scenario);
  const last = [...(view?.events ?? [])].reverse().find(isHeadline);
  return (
    <p className="ticker" aria-live="polite" data-testid="ticker">
      {last ? describeEvent(last, scenario, t, i18n.language, { seat: view?.seat, demands: view?.demands }) : t('news.quiet')}
    </p>
  );
}
