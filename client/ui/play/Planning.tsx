// The planning panel: spend the round's budget on procurement, reform or diplomacy; see delivery
// times and supplier risk; a party may prepare an escalation.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isParty } from '../../../shared/engine/match.js';
import type { Party } from '../../../shared/scenario/schema.js';
import { tx } from '../../i18n.js';
import { ownParty } from '../../preview/odds.js';
import { useGame, useIntents } from '../context.js';
import { namer } from '../names.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

export function Planning() {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario)!;
  const intents = useIntents();
  const lng = i18n.language;
  const me = view.seat as Party;
  const own = isParty(view.seat) ? ownParty(view, me) : null;
  const items = useMemo(() => scenario.procurement.filter((p) => p.buyers.includes(me)), [scenario, me]);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [reform, setReform] = useState(0);
  const [diplomacy, setDiplomacy] = useState(0);
  const [prepare, setPrepare] = useState<string>('');
  const planKey = `${view.round}:${own?.plan ? 'saved' : 'none'}`;
  useEffect(() => {
    // Start from the saved plan of this round, if any.
    const plan = own?.plan;
    setQty(Object.fromEntries((plan?.procure ?? []).map((l) => [l.item, l.qty])));
    setReform(plan?.reform ?? 0);
    setDiplomacy(plan?.diplomacy ?? 0);
    setPrepare(plan?.prepareEscalation ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planKey]);
  if (!own) return <p className="hint">{t('plan.partiesOnly')}</p>;
  const n = namer(scenario, t, lng);
  const cost = items.reduce((s, it) => s + it.cost * (qty[it.id] ?? 0), 0) + reform + diplomacy;
  const over = cost > own.budget + 1e-9;
  const canPlan = view.phase === 'planning';
  const regions = scenario.regions.filter((r) => r.kind !== 'context' && view.regions[r.id]?.controller !== me);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const procure = Object.entries(qty)
      .filter(([, q]) => q > 0)
      .map(([item, q]) => ({ item, qty: q }));
    void intents.act({ type: 'plan', procure, reform, diplomacy, prepareEscalation: prepare || null }, 'actions.plan');
  };

  return (
    <form className="planning" onSubmit={submit} aria-labelledby="plan-h">
      <h2 id="plan-h">{t('plan.title')}</h2>
      {!canPlan && <p className="phase-note">{t('plan.onlyInPlanning')}</p>}
      <p className={`plan-total${over ? ' over' : ''}`} role="status" data-testid="plan-total">
        {t('plan.total', { cost: round1(cost), budget: round1(own.budget) })}
        {over && <strong> · {t('plan.over')}</strong>}
      </p>
      <table className="items">
        <thead>
          <tr>
            <th scope="col">{t('plan.item')}</th>
            <th scope="col">{t('plan.cost')}</th>
            <th scope="col">{t('plan.arrives')}</th>
            <th scope="col">{t('plan.risk')}</th>
            <th scope="col">{t('plan.qty')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it) => {
            const q = qty[it.id] ?? 0;
            return (
              <tr key={it.id} data-item={it.id}>
                <th scope="row">
                  {tx(it.name, lng)}
                  <span className="hint">
                    {' '}
                    {t(`components.${it.component}`)} +{it.gain}
                    {it.rangeKm ? ` · ${t('plan.range', { km: it.rangeKm })}` : ''}
                  </span>
                </th>
                <td>{it.cost}</td>
                <td>{it.delay === 0 ? t('plan.thisRound') : t('plan.inRound', { round: view.round + it.delay })}</td>
                <td>
                  {Math.round(it.supplierRisk * 100)}%<span className="hint"> {t(`suppliers.${it.supplier}`, { defaultValue: it.supplier })}</span>
                </td>
                <td>
                  <span className="stepper">
                    <button type="button" aria-label={t('plan.less', { item: tx(it.name, lng) })} onClick={() => setQty({ ...qty, [it.id]: Math.max(0, q - 1) })} disabled={!canPlan || q === 0}>
                      −
                    </button>
                    <output aria-live="polite">{q}</output>
                    <button type="button" aria-label={t('plan.more', { item: tx(it.name, lng) })} onClick={() => setQty({ ...qty, [it.id]: Math.min(10, q + 1) })} disabled={!canPlan || q >= 10}>
                      +
                    </button>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="plan-row">
        <label>
          {t('plan.reform')} <span className="hint">({t('plan.reformHint')})</span>
          <input type="number" min={0} max={1000} step={1} value={reform} disabled={!canPlan} onChange={(e) => setReform(Math.max(0, Number(e.target.value) || 0))} />
        </label>
        <label>
          {t('plan.diplomacy')} <span className="hint">({t('plan.diplomacyHint')})</span>
          <input type="number" min={0} max={1000} step={1} value={diplomacy} disabled={!canPlan} onChange={(e) => setDiplomacy(Math.max(0, Number(e.target.value) || 0))} />
        </label>
        <label>
          {t('plan.prepare')}
          <select value={prepare} disabled={!canPlan} onChange={(e) => setPrepare(e.target.value)}>
            <option value="">{t('plan.noEscalation')}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {n.region(r.id)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" className="primary" disabled={!canPlan || over} data-testid="submit-plan">
        {own.plan ? t('plan.update') : t('plan.submit')}
      </button>
      {own.plan && <p className="hint">{t('plan.saved')}</p>}
      <h3>{t('plan.pipeline')}</h3>
      {own.pipeline.length === 0 ? (
        <p className="hint">{t('plan.nothingOrdered')}</p>
      ) : (
        <ul className="pipeline">
          {own.pipeline.map((d, i) => (
            <li key={i}>
              {n.item(d.itemId)} · {t('plan.inRound', { round: d.arrives })}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
