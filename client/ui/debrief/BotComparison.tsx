// "The same seed, played by bots": the players' game beside a bot game on the same scenario and seed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundMeters, Settlement } from '../../../shared/engine/types.js';
import type { SeatScore } from '../../../shared/engine/score.js';
import type { BotRunData } from '../../net/intents.js';
import { useIntents } from '../context.js';
import { errorText } from '../errors.js';
import { formatRatio } from '../format.js';
import { LineChart } from './Chart.js';

const YOURS = '#0072B2';
const BOTS = '#D55E00';

export interface PlayedGame {
  endingKind: string;
  endingRound: number;
  rounds: RoundMeters[];
  settlement: Settlement | null;
  escalations: number;
  scores: SeatScore[];
}

export function BotComparison({ yours }: { yours: PlayedGame }) {
  const { t, i18n } = useTranslation();
  const intents = useIntents();
  const [bots, setBots] = useState<BotRunData | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    intents.botRun().then(setBots, setError);
  }, [intents]);
  const last = (rs: RoundMeters[]) => rs[rs.length - 1];
  const ratio = (rs: RoundMeters[]) => (last(rs)?.ratio !== undefined ? formatRatio(last(rs).ratio, i18n.language) : t('debrief.botRun.none'));
  const durability = (s: Settlement | null) => (s ? String(Math.round(s.durability)) : t('debrief.botRun.none'));
  const rounds = Array.from({ length: Math.max(yours.rounds.length, bots?.rounds.length ?? 0) }, (_, i) => i);
  const at = (rs: RoundMeters[], k: 'ratio' | 'escalation') => rounds.map((r) => rs.find((x) => x.round === r)?.[k] ?? null);
  return (
    <section className="bot-compare" aria-labelledby="botrun-h" data-testid="bot-compare">
      <h2 id="botrun-h">{t('debrief.botRun.title')}</h2>
      <p className="hint">{t('debrief.botRun.intro')}</p>
      {error !== null && <p className="form-error">{errorText(error, t, i18n.language)}</p>}
      {!bots && error === null && <p className="hint">{t('debrief.botRun.loading')}</p>}
      {bots && (
        <>
          <table className="compare-table">
            <thead>
              <tr>
                <th scope="col">{t('debrief.botRun.measure')}</th>
                <th scope="col">{t('debrief.botRun.yours')}</th>
                <th scope="col">{t('debrief.botRun.bots')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('debrief.botRun.ending')}</th>
                <td>{t(`ending.title.${yours.endingKind}`, { round: yours.endingRound })}</td>
                <td>{bots.ending ? t(`ending.title.${bots.ending.kind}`, { round: bots.ending.round }) : t('debrief.botRun.none')}</td>
              </tr>
              <tr>
                <th scope="row">{t('debrief.botRun.finalBalance')}</th>
                <td>{ratio(yours.rounds)}</td>
                <td>{ratio(bots.rounds)}</td>
              </tr>
              <tr>
                <th scope="row">{t('debrief.botRun.escalations')}</th>
                <td>{yours.escalations}</td>
                <td>{bots.escalations}</td>
              </tr>
              <tr>
                <th scope="row">{t('debrief.botRun.durability')}</th>
                <td>{durability(yours.settlement)}</td>
                <td>{durability(bots.settlement)}</td>
              </tr>
              {bots.scores.map((b) => (
                <tr key={b.seat}>
                  <th scope="row">{t('debrief.botRun.score', { seat: t(`seats.${b.seat}`) })}</th>
                  <td>{Math.round(yours.scores.find((s) => s.seat === b.seat)?.total ?? NaN) || t('debrief.botRun.none')}</td>
                  <td>{Math.round(b.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="charts">
            <LineChart
              title={t('debrief.botRun.balanceChart')}
              rounds={rounds}
              series={[
                { label: t('debrief.botRun.yours'), colour: YOURS, values: at(yours.rounds, 'ratio') },
                { label: t('debrief.botRun.bots'), colour: BOTS, values: at(bots.rounds, 'ratio'), dash: [6, 4] },
              ]}
              testid="chart-botrun-balance"
            />
            <LineChart
              title={t('debrief.botRun.escalationChart')}
              rounds={rounds}
              yRange={[0, 4]}
              series={[
                { label: t('debrief.botRun.yours'), colour: YOURS, values: at(yours.rounds, 'escalation') },
                { label: t('debrief.botRun.bots'), colour: BOTS, values: at(bots.rounds, 'escalation'), dash: [6, 4] },
              ]}
            />
          </div>
        </>
      )}
    </section>
  );
}
