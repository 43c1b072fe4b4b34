// Feedback on every intent: pending, accepted, or refused with the server's reason.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useGame, useStoreApi } from './context.js';
import { ACCEPTED_MS, toastsShown } from './feedback.js';
import { namer } from './names.js';
import { refusalWords } from './refusals.js';

export function Toasts() {
  const { t, i18n } = useTranslation();
  const all = useGame((s) => s.pending);
  const scenario = useGame((s) => s.scenario);
  const api = useStoreApi();
  // One timer per accepted toast, started when it is accepted: later actions do not reset it.
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    for (const p of all)
      if (p.status === 'accepted' && !timers.current.has(p.id))
        timers.current.set(
          p.id,
          setTimeout(() => {
            timers.current.delete(p.id);
            api.getState().dismissPending(p.id);
          }, ACCEPTED_MS),
        );
  }, [all, api]);
  useEffect(() => {
    const mine = timers.current;
    return () => mine.forEach(clearTimeout);
  }, []);
  const shown = toastsShown(all);
  const n = namer(scenario, t, i18n.language);
  return (
    <ul className="toasts" aria-live="polite" aria-label={t('feedback.label')}>
      {shown.map((p) => {
        const why = p.status === 'refused' ? refusalWords(p, t, n, i18n.language) : null;
        return (
          <li key={p.id} className={`toast toast-${p.status}`} data-status={p.status}>
            <span className="toast-icon" aria-hidden="true">
              {p.status === 'pending' ? '…' : p.status === 'accepted' ? '✓' : '✕'}
            </span>
            <span>
              <strong>{t(p.label, { defaultValue: p.label })}</strong>{' '}
              {t(`feedback.${p.status}`)}
              {why?.short ? <span className="toast-reason">{t('feedback.reason', { reason: why.short })}</span> : null}
              {why?.detail ? <span className="toast-detail"> ({why.detail})</span> : null}
            </span>
            {p.status !== 'pending' && (
              <button type="button" className="toast-close" onClick={() => api.getState().dismissPending(p.id)} aria-label={t('common.dismiss')}>
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
