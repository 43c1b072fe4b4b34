// Broadcast a message to the table of one room or all.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../consoleContext.js';
import { useAct } from '../hooks/useAct.js';

export function BroadcastForm({ rooms, onDone }: { rooms: string[] | null; onDone?: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const { api } = useConsole();
  const act = useAct();
  const [text, setText] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (await act(rooms === null ? t('fac.broadcast.doneAll') : t('fac.broadcast.done'), () => api.broadcast(rooms, text.trim()))) {
      setText('');
      onDone?.();
    }
  };
  return (
    <form className="fac-tool" onSubmit={submit} aria-labelledby={`${ids}-h`} data-testid="broadcast-form">
      <h3 id={`${ids}-h`}>{rooms === null ? t('fac.broadcast.titleAll') : t('fac.broadcast.title')}</h3>
      <label htmlFor={`${ids}-text`}>{t('fac.broadcast.label')}</label>
      <textarea id={`${ids}-text`} value={text} maxLength={2000} rows={2} onChange={(e) => setText(e.target.value)} data-testid="broadcast-text" />
      <div className="fac-buttons">
        <button type="submit" className="primary" disabled={!text.trim()}>
          {t('fac.broadcast.send')}
        </button>
        {onDone && (
          <button type="button" onClick={onDone}>
            {t('common.close')}
          </button>
        )}
      </div>
    </form>
  );
}
