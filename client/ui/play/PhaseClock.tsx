import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGame } from '../context.js';
import { formatDuration } from '../format.js';

/** Time left in the phase; only this element re-renders each second. */
export function PhaseClock() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const endsAt = useGame((s) => s.room?.phaseEndsAt ?? 0);
  const paused = useGame((s) => s.room?.paused ?? false);
  const remaining = useGame((s) => s.room?.pausedRemaining ?? 0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (paused || !endsAt) return;
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [paused, endsAt]);
  if (paused)
    return (
      <span className="clock paused" role="timer">
        {t('phase.paused')} · {formatDuration(remaining, lng)}
      </span>
    );
  if (!endsAt) return <span className="clock">–</span>;
  const left = endsAt - now;
  return (
    <span className={`clock${left < 15000 ? ' urgent' : ''}`} role="timer" aria-label={t('phase.timeLeft', { time: formatDuration(left, lng) })}>
      {formatDuration(left, lng)}
    </span>
  );
}
