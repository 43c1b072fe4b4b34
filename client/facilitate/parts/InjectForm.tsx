// Inject an event into one room or all: from the scenario's deck, or written here with effects on the meters.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tx } from '../../i18n.js';
import { ApiError, type CustomEvent } from '../../net/facilitator.js';
import { useConsole } from '../consoleContext.js';
import { customEffects, EFFECT_FIELDS } from '../customEffects.js';
import { useAct } from '../hooks/useAct.js';
import { useScenario } from '../hooks/useScenario.js';
import { ErrorList, type Problem } from './ErrorList.js';

export function InjectForm({ rooms, onDone }: { rooms: string[] | null; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const { api } = useConsole();
  const act = useAct();
  const scenario = useScenario();
  const [mode, setMode] = useState<'deck' | 'custom'>('deck');
  const [event, setEvent] = useState('');
  const [headline, setHeadline] = useState('');
  const [text, setText] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState('');
  const [error, setError] = useState<Problem | null>(null);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const lng = i18n.language;
  const deck = scenario?.events ?? [];
  const card = deck.find((e) => e.id === event);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    let body: { event: string } | { custom: CustomEvent };
    if (mode === 'deck') {
      if (!event) return setError({ message: t('fac.inject.pickOne'), issues: [] });
      body = { event };
    } else {
      const issues: string[] = [];
      if (!headline.trim()) issues.push(t('fac.inject.needHeadline'));
      if (!text.trim()) issues.push(t('fac.inject.needText'));
      const built = customEffects(values, extra, t);
      issues.push(...built.issues);
      setInvalid([...built.invalid, ...(headline.trim() ? [] : ['headline']), ...(text.trim() ? [] : ['text'])]);
      if (issues.length) return setError({ message: t('fac.inject.invalid'), issues });
      body = { custom: { headline: headline.trim(), text: text.trim(), effects: built.effects } };
    }
    setBusy(true);
    try {
      const title = rooms === null ? t('fac.inject.doneAll') : t('fac.inject.done');
      // Validation errors (a bad effect) come back as one refusal with the list: show them here too.
      const ok = await act(title, async () => {
        try {
          return await api.inject(rooms, body);
        } catch (err) {
          if (err instanceof ApiError) setError({ message: err.message, issues: err.issues });
          throw err;
        }
      });
      if (ok) {
        setHeadline('');
        setText('');
        setValues({});
        setExtra('');
        onDone?.();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="fac-tool" onSubmit={submit} aria-labelledby={`${ids}-h`} data-testid="inject-form" noValidate>
      <h3 id={`${ids}-h`}>{rooms === null ? t('fac.inject.titleAll') : t('fac.inject.title')}</h3>
      <div className="fac-units" role="radiogroup" aria-label={t('fac.inject.kind')}>
        <label className="radio">
          <input type="radio" name={`${ids}-mode`} checked={mode === 'deck'} onChange={() => setMode('deck')} />
          {t('fac.inject.fromDeck')}
        </label>
        <label className="radio">
          <input type="radio" name={`${ids}-mode`} checked={mode === 'custom'} onChange={() => setMode('custom')} data-testid="inject-custom" />
          {t('fac.inject.custom')}
        </label>
      </div>
      {mode === 'deck' ? (
        <>
          <label htmlFor={`${ids}-event`}>{t('fac.inject.event')}</label>
          <select id={`${ids}-event`} value={event} onChange={(e) => setEvent(e.target.value)} data-testid="inject-event">
            <option value="">{scenario ? t('fac.inject.choose') : t('common.loading')}</option>
            {deck.map((d) => (
              <option key={d.id} value={d.id}>
                {tx(d.headline, lng)}
                {d.private?.length ? ` (${t('fac.inject.privateTo', { seats: d.private.map((s) => t(`seats.${s}`)).join(', ') })})` : ''}
              </option>
            ))}
          </select>
          {card && <p className="hint fac-card-text">{tx(card.text, lng)}</p>}
        </>
      ) : (
        <>
          <label htmlFor={`${ids}-headline`}>{t('fac.inject.headline')}</label>
          <input id={`${ids}-headline`} aria-invalid={invalid.includes('headline')} value={headline} maxLength={200} onChange={(e) => setHeadline(e.target.value)} data-testid="inject-headline" />
          <label htmlFor={`${ids}-text`}>{t('fac.inject.text')}</label>
          <textarea id={`${ids}-text`} aria-invalid={invalid.includes('text')} value={text} maxLength={2000} rows={2} onChange={(e) => setText(e.target.value)} data-testid="inject-text" />
          <fieldset>
            <legend>{t('fac.inject.effects')}</legend>
            <div className="fac-effects">
              {EFFECT_FIELDS.map((f) => (
                <label key={f.key}>
                  <span>{t(`fac.inject.field.${f.key}`)}</span>
                  <input
                    type="number"
                    inputMode="decimal"
                    value={values[f.key] ?? ''}
                    step={'int' in f ? 1 : 'any'}
                    onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
                    data-effect={f.key}
                    aria-invalid={invalid.includes(f.key)}
                    aria-describedby={`${ids}-range-${f.key}`}
                  />
                  <span className="hint" id={`${ids}-range-${f.key}`}>
                    {f.min} … {f.max}
                  </span>
                </label>
              ))}
            </div>
            <details>
              <summary>{t('fac.inject.more')}</summary>
              <label htmlFor={`${ids}-extra`}>{t('fac.inject.moreLabel')}</label>
              <textarea id={`${ids}-extra`} aria-invalid={invalid.includes('extra')} value={extra} rows={3} spellCheck={false} className="mono" onChange={(e) => setExtra(e.target.value)} placeholder='{"tension": {"berdzor": 20}}' data-testid="inject-extra" />
            </details>
          </fieldset>
        </>
      )}
      <ErrorList error={error} testid="inject-errors" />
      <div className="fac-buttons">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy} data-testid="inject-submit">
          {rooms === null ? t('fac.inject.submitAll') : t('fac.inject.submit')}
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
