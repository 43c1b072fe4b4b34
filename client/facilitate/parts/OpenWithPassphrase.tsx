import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, sessionApi } from '../../net/facilitator.js';
import { navigate } from '../route.js';
import { keepClass } from '../savedClasses.js';
import { ErrorList } from './ErrorList.js';

/** Open a session on another device (or after clearing the browser) with its id and passphrase. */
export function OpenWithPassphrase({ session, onOpened }: { session?: string; onOpened?: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [id, setId] = useState(session ?? '');
  const [pass, setPass] = useState('');
  const [error, setError] = useState<{ message: string; issues: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { facilitatorToken: token } = await sessionApi.open(id.trim(), pass);
      keepClass({ id: id.trim(), name: id.trim(), token, createdAt: Date.now() });
      onOpened?.();
      navigate({ page: 'overview', session: id.trim() });
    } catch (err) {
      setError({ message: (err as ApiError).status === 403 || (err as ApiError).status === 401 ? t('fac.start.wrongPass') : (err as Error).message, issues: [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${ids}-open`}>
      <h2 id={`${ids}-open`}>{t('fac.start.open')}</h2>
      <p className="hint">{t('fac.start.openHint')}</p>
      <ErrorList error={error} />
      {!session && (
        <>
          <label htmlFor={`${ids}-id`}>{t('fac.start.sessionId')}</label>
          <input id={`${ids}-id`} value={id} onChange={(e) => setId(e.target.value)} required spellCheck={false} />
        </>
      )}
      <label htmlFor={`${ids}-pass`}>{t('fac.create.passphrase')}</label>
      <input id={`${ids}-pass`} type="password" value={pass} onChange={(e) => setPass(e.target.value)} required autoComplete="current-password" />
      <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
        {busy ? t('common.working') : t('fac.start.openButton')}
      </button>
    </form>
  );
}
