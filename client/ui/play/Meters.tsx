// Strength by component for both parties (the other side as an estimate), the balance meter with
// the gap in words, and support, standing, budget and mediators' prestige — each also as text.
import { useTranslation } from 'react-i18next';
import { COMPONENTS, PARTIES, type Party } from '../../../shared/scenario/schema.js';
import type { SeatView } from '../../../shared/engine/view.js';
import { ownParty } from '../../preview/odds.js';
import { useGame } from '../context.js';

const R_MIN = 1 / 3;
const R_MAX = 4;
const pos = (r: number) => Math.min(100, Math.max(0, ((Math.log(r) - Math.log(R_MIN)) / (Math.log(R_MAX) - Math.log(R_MIN))) * 100));
/** One decimal, for i18next to write the reader's way. */
const fmt = (x: number) => Math.round(x * 10) / 10;

function BalanceMeter({ balance }: { balance: SeatView['balance'] }) {
  const { t } = useTranslation();
  const { low, high, gap, exact } = balance;
  const label = exact ? t('balance.exact', { ratio: fmt(low) }) : t('balance.range', { low: fmt(low), high: fmt(high) });
  return (
    <div className="balance" role="group" aria-labelledby="balance-h">
      <div className="meter-head">
        <span id="balance-h">{t('balance.title')}</span>
        <strong className={`gap gap-${gap}`} data-testid="gap">
          {t(`gap.${gap}`)}
        </strong>
      </div>
      <div className="balance-track" role="meter" aria-labelledby="balance-h" aria-valuemin={R_MIN} aria-valuemax={R_MAX} aria-valuenow={(low + high) / 2} aria-valuetext={t('common.labelled', { label: t(`gap.${gap}`), value: label })}>
        <span className="balance-parity" style={{ left: `${pos(1)}%` }} aria-hidden="true" />
        <span className={`balance-band${exact ? ' exact' : ''}`} style={{ left: `${pos(low)}%`, width: `${Math.max(1.2, pos(high) - pos(low))}%` }} />
      </div>
      <p className="meter-text">
        <span aria-hidden="true">← {t('balance.armeniaSide')}</span> {label} <span aria-hidden="true">{t('balance.azerbaijanSide')} →</span>
      </p>
    </div>
  );
}

function Bar({ value, low, high, max, party }: { value?: number; low?: number; high?: number; max: number; party: Party }) {
  const w = (x: number) => `${Math.min(100, (x / max) * 100)}%`;
  if (value !== undefined) return <span className={`bar bar-${party}`} style={{ width: w(value) }} />;
  if (low !== undefined && high !== undefined)
    return <span className={`bar bar-${party} bar-range`} style={{ marginLeft: w(low), width: `calc(${w(high)} - ${w(low)})` }} />;
  return null;
}

function StrengthTable({ view }: { view: SeatView }) {
  const { t } = useTranslation();
  const figures = PARTIES.map((p) => {
    const own = ownParty(view, p);
    if (own) return { p, exact: own.strength as Record<string, number>, range: null };
    const other = PARTIES.find((q) => q !== p)!;
    const est = ownParty(view, other)?.intel?.components ?? null;
    return { p, exact: null, range: est as Record<string, [number, number]> | null };
  });
  let max = 1;
  for (const f of figures) for (const c of COMPONENTS) max = Math.max(max, f.exact?.[c] ?? f.range?.[c]?.[1] ?? 0);
  return (
    <table className="strength">
      <caption>{t('meters.strength')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('meters.component')}</th>
          {figures.map((f) => (
            <th scope="col" key={f.p}>
              <span className={`seat-chip seat-${f.p}`}>{t(`seats.${f.p}`)}</span>
              {!f.exact && <span className="hint"> {f.range ? t('meters.estimate') : t('meters.unknown')}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {COMPONENTS.map((c) => (
          <tr key={c}>
            <th scope="row">{t(`components.${c}`)}</th>
            {figures.map((f) => {
              const v = f.exact?.[c];
              const r = f.range?.[c];
              return (
                <td key={f.p}>
                  <span className="cell-bar">
                    {v !== undefined ? <Bar value={v} max={max} party={f.p} /> : r ? <Bar low={r[0]} high={r[1]} max={max} party={f.p} /> : null}
                  </span>
                  <span className="cell-num">{v !== undefined ? Math.round(v) : r ? `${Math.round(r[0])}–${Math.round(r[1])}` : '?'}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Gauge({ label, value, party, testid }: { label: string; value: number; party?: string; testid?: string }) {
  return (
    <div className="gauge" data-testid={testid}>
      <span className="gauge-label">{label}</span>
      <span className="gauge-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value)}>
        <span className={`gauge-fill${party ? ` bar-${party}` : ''}`} style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
      <span className="gauge-num">{Math.round(value)}</span>
    </div>
  );
}

export function Meters() {
  const { t } = useTranslation();
  const view = useGame((s) => s.view)!;
  return (
    <section className="meters" aria-label={t('meters.title')}>
      <BalanceMeter balance={view.balance} />
      <StrengthTable view={view} />
      <div className="party-gauges">
        {PARTIES.map((p) => {
          const party = view.parties[p];
          const own = ownParty(view, p);
          return (
            <div key={p} className="party-col">
              <Gauge label={t('meters.support')} value={party.support} party={p} testid={`support-${p}`} />
              <Gauge label={t('meters.standing')} value={party.standing} party={p} testid={`standing-${p}`} />
              <p className="budget" data-testid={`budget-${p}`}>
                {own ? t('meters.budgetOwn', { budget: fmt(own.budget), base: fmt(party.baseBudget) }) : t('meters.budgetPublic', { base: fmt(party.baseBudget) })}
              </p>
            </div>
          );
        })}
      </div>
      <p className="prestige">
        {Object.entries(view.mediators).map(([m, v]) => (
          <span key={m}>
            <span className={`seat-chip seat-${m}`}>{t(`seats.${m}`)}</span> {t('meters.prestige', { value: Math.round(v!.prestige) })}{' '}
          </span>
        ))}
      </p>
    </section>
  );
}
