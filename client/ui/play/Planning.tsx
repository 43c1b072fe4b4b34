// The planning panel: spend the round's budget on procurement, reform or diplomacy; see delivery
// times and supplier risk; a party may prepare an escalation.
import { asScenario } from '../../../shared/protocol/index.js';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INPUT_LIMITS, type ActionOf } from '../../../shared/engine/actions.js';
import { isParty } from '../../../shared/engine/match.js';
import { planCost } from '../../../shared/engine/queries.js';
import type { Party } from '../../../shared/scenario/schema.js';
import { tx } from '../../i18n.js';
import { ownParty } from '../../preview/odds.js';
import { useGame, useIntents, useRules } from '../context.js';
import { namer } from '../names.js';
import { WhyNot } from './WhyNot.js';

const round1 = (x: number) => Math.round(x * 10) / 10;
/** Points typed into a field, within what a plan message may carry. */
const points = (typed: string) => Math.min(INPUT_LIMITS.points, Math.max(0, Number(typed) || 0));

export function Planning() {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario)!;
  const intents = useIntents();
  const rules = useRules();
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
  const procure = Object.entries(qty)
    .filter(([, q]) => q > 0)
    .map(([item, q]) => ({ item, qty: q }));
  const plan: ActionOf<'plan'> = { type: 'plan', procure, reform, diplomacy, prepareEscalation: prepare || null };
  const cost = planCost(asScenario(scenario), plan);
  const refusal = rules.refusal(plan);
  const over = refusal?.code === 'over_budget';
  const canPlan = rules.phaseAllows('plan');
  // Whether the engine would take one of this item at all (what it costs is checked on the whole plan).
  const itemRefusal = (item: string) => {
    const r = rules.refusal({ type: 'plan', procure: [{ item, qty: 1 }], reform: 0, diplomacy: 0, prepareEscalation: null });
    return r && r.code !== 'over_budget' && r.code !== 'wrong_phase' ? r : null;
  };
  const regions = scenario.regions.filter((r) => r.kind !== 'context' && view.regions[r.id]?.controller !== me);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void intents.act(plan, 'actions.plan');
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
            const blocked = itemRefusal(it.id);
            return (
              <tr key={it.id} data-item={it.id} className={blocked ? 'blocked' : undefined}>
                <th scope="row">
                  {tx(it.name, lng)}
                  <span className="hint">
                    {' '}
                    {t(`components.${it.component}`)} +{it.gain}
                    {it.rangeKm ? ` · ${t('plan.range', { km: it.rangeKm })}` : ''}
                  </span>
                  <WhyNot refusal={blocked} />
                </th>
                <td data-label={t('plan.cost')}>{it.cost}</td>
                <td data-label={t('plan.arrives')}>{it.delay === 0 ? t('plan.thisRound') : t('plan.inRound', { round: view.round + it.delay })}</td>
                <td data-label={t('plan.risk')}>
                  {Math.round(it.supplierRisk * 100)}%<span className="hint"> {t(`suppliers.${it.supplier}`, { defaultValue: it.supplier })}</span>
                </td>
                <td className="qty">
                  <span className="stepper">
                    <button type="button" aria-label={t('plan.less', { item: tx(it.name, lng) })} onClick={() => setQty({ ...qty, [it.id]: Math.max(0, q - 1) })} disabled={!canPlan || q === 0}>
                      −
                    </button>
                    <output aria-live="polite">{q}</output>
                    <button type="button" aria-label={t('plan.more', { item: tx(it.name, lng) })} onClick={() => setQty({ ...qty, [it.id]: Math.min(INPUT_LIMITS.qty, q + 1) })} disabled={!canPlan || !!blocked || q >= INPUT_LIMITS.qty}>
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
          <input type="number" min={0} max={INPUT_LIMITS.points} step={1} value={reform} disabled={!canPlan} onChange={(e) => setReform(points(e.target.value))} />
        </label>
        <label>
          {t('plan.diplomacy')} <span className="hint">({t('plan.diplomacyHint')})</span>
          <input type="number" min={0} max={INPUT_LIMITS.points} step={1} value={diplomacy} disabled={!canPlan} onChange={(e) => setDiplomacy(points(e.target.value))} />
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
      {!over && <WhyNot refusal={refusal} />}
      <button type="submit" className="primary" disabled={refusal !== null} data-testid="submit-plan">
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
