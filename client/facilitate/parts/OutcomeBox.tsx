// The status area: what the last facilitator action did in each room.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../consoleContext.js';

export function OutcomeBox({ outcome, onClose }: { outcome: Outcome; onClose(): void }) {
  const { t } = useTranslation();
  const bad = outcome.lines.some((l) => !l.ok);
  // What worked fades after a while; a refusal stays until it is read and closed.
  useEffect(() => {
    if (bad) return;
    const id = setTimeout(onClose, 8000);
    return () => clearTimeout(id);
  }, [bad, outcome.id, onClose]);
  return (
    <section className={`fac-outcome ${bad ? 'bad' : 'good'}`} role="status" aria-live="polite" data-testid="outcome">
      <strong>{outcome.title}</strong>
      <ul>
        {outcome.lines.map((l, i) => (
          <li key={i} className={l.ok ? 'ok' : 'refused'}>
            <span aria-hidden="true">{l.ok ? '✓ ' : '✕ '}</span>
            {l.text}
          </li>
        ))}
      </ul>
      <button type="button" className="toast-close" onClick={onClose} aria-label={t('common.dismiss')}>
        ×
      </button>
    </section>
  );
}
