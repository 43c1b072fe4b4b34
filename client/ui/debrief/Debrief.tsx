// End and debrief: the ending, each seat's objectives met or missed, charts by round, the timeline.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundMeters } from '../../../shared/engine/types.js';
import { tx } from '../../i18n.js';
import type { DebriefData } from '../../net/intents.js';
import { useGame, useIntents } from '../context.js';
import { describeEvent } from '../names.js';
import { escalationCount, isHeadline } from '../events.js';
import { errorText } from '../errors.js';
import { BotComparison } from './BotComparison.js';
import { LineChart, type Series } from './Chart.js';

const COLOURS = { armenia: '#E69F00', azerbaijan: '#0072B2', ratio: '#CC79A7', escalation: '#D55E00', stability: '#009E73' };

export default function Debrief() {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario);
  const intents = useIntents();
  const [data, setData] = useState<DebriefData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lng = i18n.language;
  useEffect(() => {
    intents.debrief().then(setData, setError);
  }, [intents]);
  const history = (data?.rounds?.length ? data.rounds : (view.history as RoundMeters[])).filter((h) => h.round >= 0);
  const charts = useMemo(() => {
    const rounds = history.map((h) => h.round);
    const ratio: Series[] = [{ label: t('debrief.ratio'), colour: COLOURS.ratio, values: history.map((h) => h.ratio ?? null) }];
    const esc: Series[] = [
      { label: t('meters.escalation'), colour: COLOURS.escalation, values: history.map((h) => h.escalation) },
    ];
    const party = (k: 'support' | 'standing'): Series[] => [
      { label: t('seats.armenia'), colour: COLOURS.armenia, values: history.map((h) => h[k].armenia) },
      { label: t('seats.azerbaijan'), colour: COLOURS.azerbaijan, values: history.map((h) => h[k].azerbaijan), dash: [6, 4] },
    ];
    const stability: Series[] = [{ label: t('meters.stability'), colour: COLOURS.stability, values: history.map((h) => h.stability) }];
    return { rounds, ratio, esc, support: party('support'), standing: party('standing'), stability };
  }, [history, t]);
  const ended = view.ended!;
  const timeline = (data?.timeline?.length ? data.timeline : view.events).filter(isHeadline);
  const scores = data?.scores ?? [];
  return (
    <main className="debrief" aria-labelledby="debrief-h">
      <header className="debrief-head">
        <h1 id="debrief-h">{t(`ending.title.${ended.kind}`, { round: ended.round })}</h1>
        <p>{t(`ending.text.${ended.kind}`, { party: 'party' in ended ? t(`seats.${ended.party}`) : '' })}</p>
        {view.settlement && (
          <p data-testid="durability">
            {t('debrief.durability', { value: Math.round(view.settlement.durability), balance: Math.round(view.settlement.concessionBalance * 100), ratio: Math.round(view.settlement.ratio * 100) / 100 })}
          </p>
        )}
        <button type="button" onClick={() => intents.leave()}>
          {t('debrief.home')}
        </button>
      </header>
      {error !== null && <p className="form-error">{errorText(error, t, lng)}</p>}
      <section aria-labelledby="scores-h">
        <h2 id="scores-h">{t('debrief.objectives')}</h2>
        {scores.length === 0 && <p className="hint">{t('common.loading')}</p>}
        <div className="scores">
          {scores.map((s) => (
            <article key={s.seat} className={`score seat-border-${s.seat}`} data-seat={s.seat}>
              <h3>
                <span className={`seat-chip seat-${s.seat}`}>{t(`seats.${s.seat}`)}</span> {t('debrief.total', { total: Math.round(s.total) })}
              </h3>
              <ul>
                {s.objectives.map((o) => {
                  const def = scenario?.seats[s.seat]?.objectives?.find((x) => x.id === o.id);
                  return (
                    <li key={o.id} className={o.met ? 'met' : 'missed'}>
                      <span aria-hidden="true">{o.met ? '✓' : '✕'}</span> {def ? tx(def.text, lng) : o.id} — {o.met ? t('debrief.met', { count: o.points }) : t('debrief.missed')}
                    </li>
                  );
                })}
              </ul>
              <p className="hint">{t('debrief.peace', { value: Math.round(s.lastingPeace) })}</p>
            </article>
          ))}
        </div>
      </section>
      <section className="charts" aria-labelledby="charts-h">
        <h2 id="charts-h">{t('debrief.charts')}</h2>
        <LineChart title={t('debrief.balanceChart')} rounds={charts.rounds} series={charts.ratio} testid="chart-balance" />
        <LineChart title={t('debrief.escalationChart')} rounds={charts.rounds} series={charts.esc} yRange={[0, 4]} />
        <LineChart title={t('debrief.supportChart')} rounds={charts.rounds} series={charts.support} yRange={[0, 100]} />
        <LineChart title={t('debrief.standingChart')} rounds={charts.rounds} series={charts.standing} yRange={[0, 100]} />
      </section>
      <BotComparison
        yours={{ endingKind: ended.kind, endingRound: ended.round, rounds: history, settlement: view.settlement, escalations: escalationCount(timeline), scores }}
      />
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('debrief.timeline')}</h2>
        <ol className="timeline">
          {timeline.map((e, i) => (
            <li key={i}>
              <span className="news-round">{t('news.round', { round: e.round })}</span> <span className="hint">{t(`phase.${e.phase}`)}</span> {describeEvent(e, scenario, t, lng, { seat: view.seat, demands: view.demands })}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
