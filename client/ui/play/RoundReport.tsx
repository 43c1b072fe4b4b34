// The round report: what happened at resolution and why, naming the decisions, with before/after.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPONENTS, PARTIES } from '../../../shared/scenario/schema.js';
import type { SeatView } from '../../../shared/engine/view.js';
import { ownParty } from '../../preview/odds.js';
import { useGame, useStoreApi } from '../context.js';
import { eventClass, isDecision, isNews } from '../events.js';
import { formatNumber } from '../format.js';
import { describeEvent, namer } from '../names.js';
import { displacedLine, mapChanges, type T } from './reportLines.js';

const r1 = (x: number) => Math.round(x * 10) / 10;

interface Row {
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

function reportRows(before: SeatView, after: SeatView, t: (k: string, o?: Record<string, unknown>) => string, lng: string): Row[] {
  const rows: Row[] = [];
  const show = (x: number | string) => (typeof x === 'number' ? formatNumber(x, lng, 0) : x);
  const add = (label: string, b: number | string, a: number | string) => rows.push({ label, before: show(b), after: show(a), changed: String(b) !== String(a) });
  add(t('meters.escalation'), `${before.escalation} · ${t(`escalation.${before.escalation}`)}`, `${after.escalation} · ${t(`escalation.${after.escalation}`)}`);
  add(t('meters.stability'), Math.round(before.stability), Math.round(after.stability));
  const bal = (v: SeatView) => (v.balance.exact ? show(r1(v.balance.low)) : `${show(r1(v.balance.low))}–${show(r1(v.balance.high))}`) + ` · ${t(`gap.${v.balance.gap}`)}`;
  add(t('balance.title'), bal(before), bal(after));
  for (const p of PARTIES) {
    const seat = t(`seats.${p}`);
    add(`${t('meters.support')} · ${seat}`, Math.round(before.parties[p].support), Math.round(after.parties[p].support));
    add(`${t('meters.standing')} · ${seat}`, Math.round(before.parties[p].standing), Math.round(after.parties[p].standing));
    const ob = ownParty(before, p);
    const oa = ownParty(after, p);
    if (ob && oa) {
      const total = (o: typeof ob) => r1(COMPONENTS.reduce((s, c) => s + o.strength[c], 0));
      add(`${t('meters.strengthTotal')} · ${seat}`, total(ob), total(oa));
    }
  }
  return rows;
}

export function RoundReport() {
  const { t, i18n } = useTranslation();
  const report = useGame((s) => s.report);
  const dismissed = useGame((s) => s.reportDismissed);
  const scenario = useGame((s) => s.scenario);
  const api = useStoreApi();
  const ref = useRef<HTMLDialogElement>(null);
  const show = !!report && report.round > dismissed;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (show && !d.open) d.showModal?.();
    if (!show && d.open) d.close();
  }, [show]);
  if (!report) return null;
  const { before, after, round } = report;
  const events = after.events.filter((e) => e.round === round);
  const resolution = events.filter((e) => (e.phase === 'resolution' || e.phase === 'report') && isNews(e));
  const causes = events.filter((e) => isDecision(e) && e.phase !== 'resolution');
  const rows = reportRows(before, after, t as never, i18n.language);
  const n = namer(scenario, t, i18n.language);
  const reader = { seat: after.seat, demands: after.demands };
  const changes = mapChanges(before, after, t as T, n, i18n.language);
  const fighting = resolution.reduce((sum, e) => sum + (e.key === 'escalation.success' ? Number(e.params.displaced) || 0 : 0), 0);
  const displaced = displacedLine(before, after, fighting, t as T, i18n.language);
  const close = () => api.getState().dismissReport();
  return (
    <dialog ref={ref} className="round-report" aria-labelledby="report-h" onCancel={close} data-testid="round-report">
      <h2 id="report-h">{t('report.title', { round })}</h2>
      <div className="report-cols">
        <section>
          <h3>{t('report.decisions')}</h3>
          {causes.length ? (
            <ul>
              {causes.map((e, i) => (
                <li key={i}>{describeEvent(e, scenario, t, i18n.language, reader)}</li>
              ))}
            </ul>
          ) : (
            <p className="hint">{t('report.noDecisions')}</p>
          )}
          <h3>{t('report.happened')}</h3>
          {resolution.length ? (
            <ul className="report-events">
              {resolution.map((e, i) => (
                <li key={i} className={eventClass(e)}>
                  {describeEvent(e, scenario, t, i18n.language, reader)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{t('report.quiet')}</p>
          )}
          {changes.length > 0 && (
            <>
              <h3>{t('report.map')}</h3>
              <ul data-testid="map-changes">
                {changes.map((c) => (
                  <li key={c.region}>{c.text}</li>
                ))}
              </ul>
              {displaced && <p data-testid="displaced-total">{displaced}</p>}
            </>
          )}
        </section>
        <section>
          <h3>{t('report.meters')}</h3>
          <table className="before-after">
            <thead>
              <tr>
                <th scope="col">{t('report.meter')}</th>
                <th scope="col">{t('report.before')}</th>
                <th scope="col">{t('report.after')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label} className={r.changed ? 'changed' : ''}>
                  <th scope="row">{r.label}</th>
                  <td>{r.before}</td>
                  <td>
                    {r.after}
                    {r.changed && <span className="visually-hidden"> ({t('report.changed')})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <button type="button" className="primary" onClick={close} autoFocus data-testid="close-report">
        {t('report.continue')}
      </button>
    </dialog>
  );
}
