import { useTranslation } from 'react-i18next';
import { useGame } from './context.js';
import { errorText } from './errors.js';

/** A fixed strip (no layout jump) saying when the connection is being restored or was lost. */
export function ConnectionBanner() {
  const { t, i18n } = useTranslation();
  const connection = useGame((s) => s.connection);
  const error = useGame((s) => s.error);
  if (connection !== 'reconnecting' && connection !== 'closed' && !error) return null;
  return (
    <div className={`banner banner-${connection}`} role="status" aria-live="polite">
      {connection === 'reconnecting' ? t('connection.reconnecting') : connection === 'closed' ? t('connection.closed') : null}
      {error ? <span className="banner-error"> {errorText({ message: error }, t, i18n.language)}</span> : null}
    </div>
  );
}
