// Proposals and the treaty: packages of clauses, who has signed, and the mediators' instruments.
import { useTranslation } from 'react-i18next';
import { isParty } from '../../../shared/engine/match.js';
import { PARTIES, type Mediator } from '../../../shared/scenario/schema.js';
import { tx } from '../../i18n.js';
import { durabilityPreview } from '../../preview/odds.js';
import type { Action } from '../../../shared/engine/actions.js';
import { useGame, useIntents, useRules } from '../context.js';
import { ClausePicker } from './ClausePicker.js';
import { WhyNot } from './WhyNot.js';

export function Treaty() {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario)!;
  const intents = useIntents();
  const rules = useRules();
  const lng = i18n.language;
  const seat = view.seat;
  const playing = seat !== 'facilitator' && seat !== 'spectator';
  const open = view.proposals.filter((p) => p.status === 'open');
  const mediator = !isParty(seat) && playing ? (seat as Mediator) : null;
  const instruments = mediator ? scenario.instruments.filter((x) => x.by.includes(mediator)) : [];
  const prestige = mediator ? (view.mediators[mediator]?.prestige ?? 0) : 0;
  return (
    <section className="treaty" aria-labelledby="treaty-h">
      <h2 id="treaty-h">{t('treaty.title')}</h2>
      {open.length === 0 && <p className="hint">{t('treaty.none')}</p>}
      {open.map((p) => {
        const d = durabilityPreview(view, scenario, p.clauses);
        const sign: Action = { type: 'sign', proposal: p.id };
        const withdraw: Action = { type: 'withdrawProposal', proposal: p.id };
        return (
          <article key={p.id} className="proposal" data-proposal={p.id}>
            <h3>
              {t('treaty.by', { id: p.id, by: t(`seats.${p.by}`) })}
              {p.auspices && <span className="badge">{t('treaty.auspices', { mediator: t(`seats.${p.auspices}`) })}</span>}
            </h3>
            <ol>
              {p.clauses.map((c) => (
                <li key={c}>{tx(scenario.clauses.find((x) => x.id === c)?.text, lng) || c}</li>
              ))}
            </ol>
            <p className="signatures">
              {PARTIES.map((q) => (
                <span key={q} className={p.signed.includes(q) ? 'signed' : 'unsigned'}>
                  {p.signed.includes(q) ? '✓' : '○'} {t(`seats.${q}`)} {p.signed.includes(q) ? t('treaty.signed') : t('treaty.notSigned')}
                </span>
              ))}
            </p>
            <p className="preview">{t('treaty.preview', { armenia: d.cost.armenia, azerbaijan: d.cost.azerbaijan, balance: Math.round(d.concessionBalance * 100), low: Math.round(d.low), high: Math.round(d.high) })}</p>
            <div className="buttons">
              {isParty(seat) && !p.signed.includes(seat) && (
                <button type="button" className="primary" disabled={!rules.allows(sign)} onClick={() => void intents.act(sign, 'actions.sign')}>
                  {t('treaty.sign')}
                </button>
              )}
              {p.by === seat && (
                <button type="button" disabled={!rules.allows(withdraw)} onClick={() => void intents.act(withdraw, 'actions.withdraw')}>
                  {t('treaty.withdraw')}
                </button>
              )}
            </div>
          </article>
        );
      })}
      {playing && (
        <details className="composer">
          <summary>{t('treaty.compose')}</summary>
          {!rules.phaseAllows('propose') && <p className="phase-note">{t('treaty.proposeLater')}</p>}
          <ClausePicker submitLabel={t('treaty.propose')} actionFor={(clauses) => ({ type: 'propose', clauses })} onSubmit={(action) => void intents.act(action, 'actions.propose')} />
        </details>
      )}
      {mediator && (
        <>
          <h3 className="sub">{t('treaty.instruments', { prestige: Math.round(prestige) })}</h3>
          {!rules.phaseAllows('useInstrument') && <p className="phase-note">{t('treaty.instrumentsLater')}</p>}
          <ul className="instruments">
            {instruments.map((x) => {
              const active = view.instruments.some((a) => a.id === x.id && a.until >= view.round);
              const use: Action = { type: 'useInstrument', instrument: x.id };
              const refusal = rules.refusal(use);
              return (
                <li key={x.id} data-instrument={x.id}>
                  <span>
                    <strong>{tx(x.name, lng)}</strong>{' '}
                    <span className="hint">{t('treaty.instrumentFacts', { cost: x.cost, count: x.lasts, damping: Math.round(x.escalationDamping * 100), bonus: x.durabilityBonus })}</span>
                  </span>
                  <button type="button" disabled={refusal !== null} onClick={() => void intents.act(use, 'actions.instrument')}>
                    {active ? t('treaty.inForce') : t('treaty.use')}
                  </button>
                  {!active && <WhyNot refusal={refusal} />}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {view.instruments.length > 0 && (
        <p className="hint">
          {t('treaty.inForceList')}{' '}
          {view.instruments
            .filter((a) => a.until >= view.round)
            .map((a) => tx(scenario.instruments.find((x) => x.id === a.id)?.name, lng))
            .join(', ')}
        </p>
      )}
    </section>
  );
}
