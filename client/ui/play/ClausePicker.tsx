// Compose a package of clauses: what each costs each party, and an honest durability preview.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tx } from '../../i18n.js';
import { durabilityPreview } from '../../preview/odds.js';
import type { Action } from '../../../shared/engine/actions.js';
import { useGame, useRules } from '../context.js';
import { WhyNot } from './WhyNot.js';

/** `actionFor` makes the action the chosen clauses would send (a proposal, a counter); the engine says whether it may be sent. */
export function ClausePicker({ submitLabel, actionFor, onSubmit }: { submitLabel: string; actionFor: (clauses: string[]) => Action; onSubmit: (action: Action) => void }) {
  const { t, i18n } = useTranslation();
  const scenario = useGame((s) => s.scenario)!;
  const view = useGame((s) => s.view)!;
  const rules = useRules();
  const [chosen, setChosen] = useState<string[]>([]);
  const min = scenario.settlement.minClauses;
  const action = actionFor(chosen);
  const refusal = rules.refusal(action);
  const preview = chosen.length ? durabilityPreview(view, scenario, chosen) : null;
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <div className="clause-picker">
      <fieldset>
        <legend>{t('treaty.clauses', { min })}</legend>
        <ul>
          {scenario.clauses.map((c) => (
            <li key={c.id}>
              <label className="check">
                <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => toggle(c.id)} data-clause={c.id} />
                <span>{tx(c.text, i18n.language)}</span>
                <span className="hint cost">
                  {t('treaty.cost', { armenia: c.cost.armenia, azerbaijan: c.cost.azerbaijan })}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {preview && (
        <p className="preview" role="status">
          {t('treaty.preview', {
            armenia: preview.cost.armenia,
            azerbaijan: preview.cost.azerbaijan,
            balance: Math.round(preview.concessionBalance * 100),
            low: Math.round(preview.low),
            high: Math.round(preview.high),
          })}
        </p>
      )}
      {chosen.length > 0 && <WhyNot refusal={refusal} />}
      <button type="button" className="primary" disabled={refusal !== null} onClick={() => onSubmit(action)} data-testid="clauses-submit">
        {submitLabel}
      </button>
    </div>
  );
}
