// Round, phase, time left, paused state, the shared meters and the seat's own controls. On a phone
// it takes two rows, with Done always on screen.
import { useTranslation } from 'react-i18next';
import { PHASES } from '../../../shared/scenario/schema.js';
import { useGame, useIntents, useStoreApi } from '../context.js';
import { formatMonth } from '../format.js';
import { LanguageSwitcher } from '../LanguageSwitcher.js';
import { warRoundsLeft } from '../war.js';
import { PhaseClock } from './PhaseClock.js';

/** The match's code: how others join it, and how this player finds it again. */
export function MatchCode() {
  const { t } = useTranslation();
  const code = useGame((s) => s.room?.code ?? s.session?.code ?? '');
  if (!code) return null;
  return (
    <span className="match-code" data-testid="match-code" title={t('phase.codeHint')}>
      {t('phase.code')} <strong>{code}</strong>
    </span>
  );
}

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
  const levels = scenario?.escalation.levels.war ?? 4;
  return (
    <header className="phase-bar" data-phase={view.phase} data-round={view.round} data-seat={view.seat}>
      <div className="pb-round">
        <span className={`seat-chip seat-${view.seat}`}>{t(`seats.${view.seat}`)}</span>{' '}
        <strong>
          <span className="pb-long">{t('phase.round', { round: view.round, rounds: view.rounds })}</span>
          <span className="pb-short" aria-hidden="true">
            {t('phase.roundShort', { round: view.round, rounds: view.rounds })}
          </span>
        </strong>
        {scenario && <span className="hint pb-month"> · {formatMonth(scenario.startDate, i18n.language, view.round - 1)}</span>}
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
        <span className={`esc esc-${view.escalation}`} data-testid="escalation">
          {t('meters.escalationLevel', { level: view.escalation, of: levels })}
          <span className="esc-word"> · {t(`escalation.${view.escalation}`)}</span>
        </span>
        <span className="pb-stability">
          <span className="pb-long">{t('meters.stabilityShort')}</span>
          <span className="pb-short" aria-hidden="true">
            {t('meters.stabilityTiny')}
          </span>{' '}
          {Math.round(view.stability)}
        </span>
      </div>
      <div className="pb-actions">
        <MatchCode />
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
      {playing && (
        <button type="button" className="pb-done primary" onClick={() => void intents.act({ type: 'done', round: view.round, phase: view.phase }, 'actions.done')} disabled={seatDone} aria-pressed={seatDone} data-testid="done">
          {seatDone ? t('phase.waiting') : t('phase.done')}
        </button>
      )}
    </header>
  );
}

/** At war level: that war ends the match, and after how many more rounds at this level. */
export function WarWarning() {
  const { t } = useTranslation();
  const view = useGame((s) => s.view)!;
  const scenario = useGame((s) => s.scenario);
  const left = scenario ? warRoundsLeft(view, scenario) : null;
  if (left === null) return null;
  return (
    <p className="war-warning" role="status" data-testid="war-warning">
      <strong>{t('war.title')}</strong> {t('war.text', { count: left })}
    </p>
  );
}
