// Compose a package of clauses: what each costs each party, and an honest durability preview.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tx } from '../../i18n.js';
import { durabilityPreview } from '../../preview/odds.js';
import { useGame } from '../context.js';

export function ClausePicker({ submitLabel, onSubmit, disabled }: { submitLabel: string; onSubmit: (clauses: string[]) => void; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const scenario = useGame((s) => s.scenario)!;
  const view = useGame((s) => s.view)!;
  const [chosen, setChosen] = useState<string[]>([]);
  const min = scenario.settlement.minClauses;
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
      <button type="button" className="primary" disabled={disabled || chosen.length < min} onClick={() => onSubmit(chosen)}>
        {submitLabel}
      </button>
    </div>
  );
}
