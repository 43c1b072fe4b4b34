// Feedback on every intent: pending, accepted, or refused with the server's reason.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useGame, useStoreApi } from './context.js';

const KEEP_MS = 6000;

export function Toasts() {
  const { t } = useTranslation();
  const pending = useGame((s) => s.pending);
  const api = useStoreApi();
  useEffect(() => {
    const settled = pending.filter((p) => p.status === 'accepted');
    if (!settled.length) return;
    const timer = setTimeout(() => settled.forEach((p) => api.getState().dismissPending(p.id)), KEEP_MS / 2);
    return () => clearTimeout(timer);
  }, [pending, api]);
  return (
    <ul className="toasts" aria-live="polite" aria-label={t('feedback.label')}>
      {pending.map((p) => (
        <li key={p.id} className={`toast toast-${p.status}`} data-status={p.status}>
          <span className="toast-icon" aria-hidden="true">
            {p.status === 'pending' ? '…' : p.status === 'accepted' ? '✓' : '✕'}
          </span>
          <span>
            <strong>{t(p.label, { defaultValue: p.label })}</strong>{' '}
            {t(`feedback.${p.status}`)}
            {p.reason ? <span className="toast-reason">: {t(`refusals.${p.code}`, { defaultValue: '' }) || p.reason}</span> : null}
            {p.reason && t(`refusals.${p.code}`, { defaultValue: '' }) ? <span className="toast-detail"> ({p.reason})</span> : null}
          </span>
          {p.status !== 'pending' && (
            <button type="button" className="toast-close" onClick={() => api.getState().dismissPending(p.id)} aria-label={t('common.dismiss')}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
