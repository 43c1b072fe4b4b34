// Round, phase, time left, paused state, the shared meters and the seat's own controls.
import { useTranslation } from 'react-i18next';
import { PHASES } from '../../../shared/scenario/schema.js';
import { useGame, useIntents, useStoreApi } from '../context.js';
import { formatMonth } from '../format.js';
import { LanguageSwitcher } from '../LanguageSwitcher.js';
import { PhaseClock } from './PhaseClock.js';

export function PhaseBar() {
  const { t, i18n } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario);
  const seatDone = useGame((s) => (s.view && s.room ? (s.room.seats[s.view.seat as 'armenia']?.done ?? false) : false));
  const api = useStoreApi();
  const intents = useIntents();
  const playing = view.seat !== 'facilitator' && view.seat !== 'spectator';
  const facilitator = view.seat === 'facilitator';
  const paused = useGame((s) => s.room?.paused ?? false);
  return (
    <header className="phase-bar" data-phase={view.phase} data-round={view.round} data-seat={view.seat}>
      <div className="pb-round">
        <strong>{t('phase.round', { round: view.round, rounds: view.rounds })}</strong>
        {scenario && <span className="hint"> · {formatMonth(scenario.startDate, i18n.language, view.round - 1)}</span>}
      </div>
      <ol className="pb-phases" aria-label={t('phase.phases')}>
        {PHASES.map((p) => (
          <li key={p} className={p === view.phase ? 'current' : ''} aria-current={p === view.phase ? 'step' : undefined}>
            <span className="ph-long">{t(`phase.${p}`)}</span>
            <span className="ph-short" aria-hidden="true">
              {t(`phaseShort.${p}`)}
            </span>
          </li>
        ))}
      </ol>
      <PhaseClock />
      <div className="pb-meters">
        <span className={`esc esc-${view.escalation}`} title={t('meters.escalation')}>
          {t('common.labelled', { label: t('meters.escalationShort'), value: `${view.escalation} · ${t(`escalation.${view.escalation}`)}` })}
        </span>
        <span title={t('meters.stability')}>
          {t('common.labelled', { label: t('meters.stabilityShort'), value: Math.round(view.stability) })}
        </span>
      </div>
      <div className="pb-actions">
        <span className={`seat-chip seat-${view.seat}`}>{t(`seats.${view.seat}`)}</span>
        {playing && (
          <button type="button" onClick={() => void intents.act({ type: 'done' }, 'actions.done')} disabled={seatDone} aria-pressed={seatDone} data-testid="done">
            {seatDone ? t('phase.waiting') : t('phase.done')}
          </button>
        )}
        {facilitator && (
          <>
            <button type="button" onClick={() => void intents.control(paused ? 'resume' : 'pause')}>
              {paused ? t('control.resume') : t('control.pause')}
            </button>
            <button type="button" onClick={() => void intents.control('extend', 60)}>
              {t('control.extend')}
            </button>
            <button type="button" onClick={() => void intents.control('advance')}>
              {t('control.advance')}
            </button>
          </>
        )}
        <button type="button" onClick={() => api.getState().openBriefing(true)}>
          {t('phase.briefing')}
        </button>
        <LanguageSwitcher compact />
      </div>
    </header>
  );
}
