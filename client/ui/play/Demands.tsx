// Demands: issue one; answer one with an honest preview of what each answer risks; decide what
// follows a refusal of one's own demand.
import { asScenario } from '../../../shared/protocol/scenario.js';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isParty } from '../../../shared/engine/match.js';
import { timesIssued } from '../../../shared/engine/queries.js';
import { demandOptions } from '../../../shared/engine/rules.js';
import type { Action } from '../../../shared/engine/actions.js';
import type { Demand } from '../../../shared/engine/types.js';
import { tx } from '../../i18n.js';
import { demandPreview, demandPressure, escalationRange, ownParty } from '../../preview/odds.js';
import { useGame, useIntents } from '../context.js';
import { useRules } from '../hooks/useRules.js';
import { namer } from '../names.js';
import { ClausePicker } from './ClausePicker.js';
import { WhyNot } from './WhyNot.js';

const pct = (x: number) => Math.round(x * 100);

function DemandTitle({ d }: { d: Demand }) {
  const { t, i18n } = useTranslation();
  const scenario = useGame((s) => s.scenario)!;
  const def = d.def ? scenario.demands.find((x) => x.id === d.def) : undefined;
  return (
    <>
      <h3>
        <span className={`seat-chip seat-${d.from}`}>{t(`seats.${d.from}`)}</span> {def ? tx(def.title, i18n.language) : t('demands.ownWords')}
        <span className={`status status-${d.status}`}>{t(`demands.status.${d.status}`)}</span>
      </h3>
      <p>{def ? tx(def.text, i18n.language) : d.text}</p>
      {d.stakes && (
        <p className="stakes">
          {t('common.labelled', { label: t('demands.stakes'), value: d.stakes })}
        </p>
      )}
    </>
  );
}

function Incoming({ d }: { d: Demand }) {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario)!;
  const intents = useIntents();
  const rules = useRules();
  const [countering, setCountering] = useState(false);
  const p = demandPreview(view, scenario, d);
  const n = namer(scenario, t, i18n.language);
  const answer = (a: 'accept' | 'refuse'): Action => ({ type: 'respond', demand: d.id, answer: a });
  const canAnswer = rules.phaseAllows('respond');
  const dueNow = d.deadline <= view.round;
  return (
    <article className="demand incoming" data-demand={d.id}>
      <DemandTitle d={d} />
      <p className="deadline">{dueNow ? t('demands.dueThisRound') : t('demands.dueRound', { round: d.deadline })}</p>
      <dl className="risk">
        <dt>{t('demands.ifAccept')}</dt>
        <dd>{t('demands.acceptRisk', { support: Math.round(p.acceptSupport) })}</dd>
        <dt>{t('demands.ifRefuse')}</dt>
        <dd data-testid="refuse-risk">
          <strong className={`likely-${p.escalation.likelihood}`}>{t(`demands.likelihood.${p.escalation.likelihood}`)}</strong>{' '}
          {t('demands.refuseRisk', { from: t(`seats.${d.from}`), region: n.region(p.escalation.region), low: pct(p.escalation.low), high: pct(p.escalation.high), support: Math.round(p.coercedSupport) })}
        </dd>
      </dl>
      <p className="hint">{t('demands.previewSource')}</p>
      {!canAnswer && <p className="phase-note">{t('demands.answerLater')}</p>}
      <div className="buttons">
        <button type="button" onClick={() => void intents.act(answer('accept'), 'actions.accept')} disabled={!rules.allows(answer('accept'))}>
          {t('demands.accept')}
        </button>
        <button type="button" onClick={() => void intents.act(answer('refuse'), 'actions.refuse')} disabled={!rules.allows(answer('refuse'))} data-testid="refuse">
          {t('demands.refuse')}
        </button>
        <button type="button" onClick={() => setCountering((c) => !c)} disabled={!rules.allows(answer('refuse'))} aria-expanded={countering}>
          {t('demands.counter')}
        </button>
      </div>
      {countering && (
        <ClausePicker
          submitLabel={t('demands.sendCounter')}
          actionFor={(clauses) => ({ type: 'respond', demand: d.id, answer: 'counter', clauses })}
          onSubmit={(action) => {
            setCountering(false);
            void intents.act(action, 'actions.counter');
          }}
        />
      )}
    </article>
  );
}

function Outgoing({ d }: { d: Demand }) {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario)!;
  const intents = useIntents();
  const rules = useRules();
  const n = namer(scenario, t, i18n.language);
  const [region, setRegion] = useState(() => demandPressure(scenario, d));
  const refused = (d.status === 'refused' || d.status === 'countered') && !d.resolved;
  const escalate: Action = { type: 'chooseEscalation', demand: d.id, escalate: true, region };
  const standDown: Action = { type: 'chooseEscalation', demand: d.id, escalate: false };
  const mayChoose = rules.allows(standDown);
  const prepared = !!ownParty(view, d.from)?.plan?.prepareEscalation;
  const odds = escalationRange(view, scenario, d.from, region, prepared);
  const regions = scenario.regions.filter((r) => r.kind !== 'context');
  return (
    <article className="demand outgoing" data-demand={d.id}>
      <DemandTitle d={d} />
      {refused && d.escalate === null && (
        <div className="escalation-choice">
          <p>
            <strong>{t('demands.refusedChoose')}</strong>
          </p>
          <label>
            {t('demands.pressIn')}
            <select value={region} onChange={(e) => setRegion(e.target.value)} disabled={!mayChoose}>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {n.region(r.id)}
                </option>
              ))}
            </select>
          </label>
          <p className="preview">{t('demands.attackOdds', { low: pct(odds.low), high: pct(odds.high), prepared: prepared ? t('demands.prepared') : t('demands.unprepared') })}</p>
          <p className="hint">{t('demands.escalationCost')}</p>
          {!mayChoose && <p className="phase-note">{t('demands.chooseInResponse')}</p>}
          <div className="buttons">
            <button type="button" className="danger" disabled={!rules.allows(escalate)} onClick={() => void intents.act(escalate, 'actions.escalate')}>
              {t('demands.escalate')}
            </button>
            <button type="button" disabled={!mayChoose} onClick={() => void intents.act(standDown, 'actions.standDown')}>
              {t('demands.standDown')}
            </button>
          </div>
        </div>
      )}
      {d.escalate && typeof d.escalate === 'object' && <p className="status-line">{t('demands.willPress', { region: n.region(d.escalate.region) })}</p>}
      {d.escalate === false && <p className="status-line">{t('demands.stoodDown')}</p>}
    </article>
  );
}

function IssueDemand() {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario)!;
  const intents = useIntents();
  const rules = useRules();
  const options = demandOptions(view, asScenario(scenario));
  const [choice, setChoice] = useState<string>(() => options.find((o) => o.refusal === null)?.id ?? options[0]?.id ?? '');
  const [text, setText] = useState('');
  const [deadline, setDeadline] = useState(0);
  const [stakes, setStakes] = useState('');
  const own = choice === '';
  const action: Action = {
    type: 'issueDemand',
    demand: own ? null : choice,
    ...(own && text.trim() ? { text: text.trim() } : {}),
    deadline,
    ...(stakes.trim() ? { stakes: stakes.trim() } : {}),
  };
  const refusal = rules.refusal(action);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void intents.act(action, 'actions.issueDemand');
    setText('');
    setStakes('');
  };
  return (
    <form className="issue-demand" onSubmit={submit} aria-labelledby="issue-h">
      <h3 id="issue-h">{t('demands.issue')}</h3>
      {!rules.phaseAllows('issueDemand') && <p className="phase-note">{t('demands.issueLater')}</p>}
      <label>
        {t('demands.which')}
        <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="demand-select">
          {options.map((o) => {
            const d = scenario.demands.find((x) => x.id === o.id)!;
            return (
              <option key={d.id} value={d.id} disabled={o.blocks.some((b) => b !== 'wrong_phase')}>
                {tx(d.title, i18n.language)}
                {d.repeats > 1 ? ` (${timesIssued(view, d.id)}/${d.repeats})` : ''}
              </option>
            );
          })}
          <option value="">{t('demands.ownWords')}</option>
        </select>
      </label>
      {choice === '' && (
        <label>
          {t('demands.text')}
          <textarea value={text} maxLength={500} rows={2} onChange={(e) => setText(e.target.value)} />
        </label>
      )}
      {choice && <p className="hint">{tx(scenario.demands.find((d) => d.id === choice)?.text, i18n.language)}</p>}
      <div className="plan-row">
        <label>
          {t('demands.deadline')}
          <select value={deadline} onChange={(e) => setDeadline(Number(e.target.value))}>
            {Array.from({ length: scenario.demandRules.maxDeadline + 1 }, (_, x) => (
              <option key={x} value={x}>
                {x === 0 ? t('demands.deadlineNow') : t('demands.deadlineIn', { count: x })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('demands.stakesLabel')}
          <input value={stakes} maxLength={300} onChange={(e) => setStakes(e.target.value)} />
        </label>
      </div>
      <WhyNot refusal={own && !text.trim() ? null : refusal} />
      <button type="submit" className="primary" disabled={refusal !== null} data-testid="issue-demand">
        {t('demands.issueButton')}
      </button>
    </form>
  );
}

export function Demands() {
  const { t } = useTranslation();
  const view = useGame((s) => s.view)!;
  const seat = view.seat;
  const me = isParty(seat) ? seat : null;
  const open = view.demands.filter((d) => d.status === 'open' || ((d.status === 'refused' || d.status === 'countered') && !d.resolved));
  const incoming = me ? open.filter((d) => d.to === me && d.status === 'open') : [];
  const outgoing = me ? open.filter((d) => d.from === me) : [];
  const others = open.filter((d) => !incoming.includes(d) && !outgoing.includes(d));
  const past = view.demands.filter((d) => !open.includes(d)).slice(-8).reverse();
  return (
    <section className="demands" aria-labelledby="demands-h">
      <h2 id="demands-h">{t('demands.title')}</h2>
      {incoming.length > 0 && <h3 className="sub">{t('demands.toYou')}</h3>}
      {incoming.map((d) => (
        <Incoming key={d.id} d={d} />
      ))}
      {outgoing.length > 0 && <h3 className="sub">{t('demands.yours')}</h3>}
      {outgoing.map((d) => (
        <Outgoing key={d.id} d={d} />
      ))}
      {others.map((d) => (
        <article key={d.id} className="demand">
          <DemandTitle d={d} />
        </article>
      ))}
      {open.length === 0 && <p className="hint">{t('demands.none')}</p>}
      {me && <IssueDemand />}
      {past.length > 0 && (
        <>
          <h3 className="sub">{t('demands.past')}</h3>
          <ul className="past-demands">
            {past.map((d) => (
              <li key={d.id}>
                <PastLine d={d} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PastLine({ d }: { d: Demand }) {
  const { t, i18n } = useTranslation();
  const scenario = useGame((s) => s.scenario)!;
  const def = d.def ? scenario.demands.find((x) => x.id === d.def) : undefined;
  return (
    <span data-status={d.status}>
      {t('demands.pastLine', { round: d.issued, from: t(`seats.${d.from}`), title: def ? tx(def.title, i18n.language) : d.text, status: t(`demands.status.${d.status}`) })}
    </span>
  );
}
