// Briefing: the content note and the simulation notice first, then the seat's confidential briefing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tx } from '../i18n.js';
import { formatMonth } from './format.js';
import { TranslationNotes } from './TranslationNotes.js';
import { useGame, useIntents, useStoreApi } from './context.js';
import { useRules } from './hooks/useRules.js';

export function Briefing({ asDialog = false }: { asDialog?: boolean }) {
  const { t, i18n } = useTranslation();
  const scenario = useGame((s) => s.scenario);
  const view = useGame((s) => s.view);
  const api = useStoreApi();
  const intents = useIntents();
  const rules = useRules();
  const [step, setStep] = useState<'note' | 'brief'>(asDialog ? 'brief' : 'note');
  if (!scenario || !view) return <p role="status">{t('common.loading')}</p>;
  // Over the play screen (which has its own main) the briefing is a dialog's content.
  const Wrap = asDialog ? 'div' : 'main';
  const lng = i18n.language;
  const seat = view.seat;
  const def = seat in scenario.seats ? scenario.seats[seat as keyof typeof scenario.seats] : undefined;

  const ready = () => {
    api.getState().readBriefing();
    // In round 1's news phase "ready" is the engine's `done`: the match starts once everyone is.
    if (view.round === 1 && view.phase === 'news' && rules.allows({ type: 'done' })) {
      void intents.act({ type: 'done', round: 1, phase: 'news' }, 'actions.ready');
    }
  };

  return (
    <Wrap className={asDialog ? 'briefing briefing-dialog' : 'briefing'} aria-labelledby="briefing-h">
      {step === 'note' ? (
        <section className="notice-card">
          <h1 id="briefing-h">{t('briefing.before')}</h1>
          <h2>{t('briefing.contentNote')}</h2>
          <p>{tx(scenario.contentNote, lng)}</p>
          <h2>{t('briefing.simulation')}</h2>
          <p>{tx(scenario.simulationNotice, lng)}</p>
          <button type="button" className="primary big" onClick={() => setStep('brief')} autoFocus data-testid="notice-continue">
            {t('briefing.understood')}
          </button>
        </section>
      ) : (
        <section className="brief-card">
          <h1 id="briefing-h">
            {t('briefing.title', { seat: def ? tx(def.name, lng) : t(`seats.${seat}`) })}
            <span className="badge badge-secret">{t('briefing.confidential')}</span>
          </h1>
          <p className="scenario-title">
            {tx(scenario.title, lng)} · {t('briefing.starts', { date: formatMonth(scenario.startDate, lng, 0, 'long') })}
          </p>
          {def?.briefing && def.objectives ? (
            <>
              <div className="brief-text">
                {tx(def.briefing, lng)
                  .split(/\n{2,}/)
                  .map((para, i) => (
                    <p key={i}>{para}</p>
                  ))}
              </div>
              <h2>{t('briefing.objectives')}</h2>
              <ul className="objectives">
                {def.objectives.map((o) => (
                  <li key={o.id}>
                    {tx(o.text, lng)} <span className="points">{t('briefing.points', { count: o.points })}</span>
                  </li>
                ))}
              </ul>
              <p className="hint">{t('briefing.sharedScore')}</p>
            </>
          ) : (
            <>
              <p>{t(`briefing.${seat}`, { defaultValue: t('briefing.observer') })}</p>
              {seat === 'facilitator' && <TranslationNotes scenario={scenario} />}
            </>
          )}
          <h2>{t('briefing.summary')}</h2>
          <p>{tx(scenario.summary, lng)}</p>
          <div className="brief-actions">
            {asDialog ? (
              <button type="button" className="primary" onClick={() => api.getState().openBriefing(false)} autoFocus>
                {t('common.close')}
              </button>
            ) : (
              <button type="button" className="primary big" onClick={ready} data-testid="briefing-ready">
                {t('briefing.ready')}
              </button>
            )}
          </div>
        </section>
      )}
    </Wrap>
  );
}
