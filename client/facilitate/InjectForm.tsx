// Inject an event (from the scenario's deck, or written here with effects on the meters) and broadcast.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../shared/scenario/schema.js';
import { tx } from '../i18n.js';
import { loadScenario } from '../net/http.js';
import { ApiError, type CustomEvent } from '../net/facilitator.js';
import { ErrorList, type Problem } from './bits.js';
import { useAct, useConsole } from './Console.js';

/** The effects a custom event may set here, with the scenario format's bounds (shared/scenario/schema.ts). */
const FIELDS = [
  { key: 'support.armenia', min: -100, max: 100 },
  { key: 'support.azerbaijan', min: -100, max: 100 },
  { key: 'standing.armenia', min: -100, max: 100 },
  { key: 'standing.azerbaijan', min: -100, max: 100 },
  { key: 'budget.armenia', min: -1000, max: 1000 },
  { key: 'budget.azerbaijan', min: -1000, max: 1000 },
  { key: 'stability', min: -100, max: 100 },
  { key: 'escalation', min: -4, max: 4, int: true },
] as const;

export function useScenario(): Scenario | null {
  const { info } = useConsole();
  const [scenario, setScenario] = useState<Scenario | null>(null);
  useEffect(() => {
    if (!info?.scenario) return;
    let live = true;
    loadScenario(info.scenario).then((s) => live && setScenario(s), () => undefined);
    return () => {
      live = false;
    };
  }, [info?.scenario]);
  return scenario;
}

/** Build the effects object and list what is out of bounds, before the server sees it. */
export function customEffects(values: Record<string, string>, extra: string, t: (k: string, o?: Record<string, unknown>) => string): { effects: Record<string, unknown>; issues: string[]; invalid: string[] } {
  const effects: Record<string, Record<string, number> | number> = {};
  const issues: string[] = [];
  const invalid: string[] = [];
  for (const f of FIELDS) {
    const raw = (values[f.key] ?? '').trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < f.min || n > f.max || ('int' in f && f.int && !Number.isInteger(n))) {
      issues.push(t('fac.inject.outOfRange', { field: t(`fac.inject.field.${f.key}`), min: f.min, max: f.max }));
      invalid.push(f.key);
      continue;
    }
    if (n === 0) continue;
    const [a, b] = f.key.split('.');
    if (b) effects[a] = { ...((effects[a] as Record<string, number>) ?? {}), [b]: n };
    else effects[a] = n;
  }
  let merged: Record<string, unknown> = effects;
  if (extra.trim()) {
    try {
      const more = JSON.parse(extra) as unknown;
      if (!more || typeof more !== 'object' || Array.isArray(more)) throw new Error(t('fac.inject.notObject'));
      merged = { ...effects, ...(more as Record<string, unknown>) };
    } catch (e) {
      issues.push(t('fac.inject.badJson', { reason: (e as Error).message }));
      invalid.push('extra');
    }
  }
  return { effects: merged, issues, invalid };
}

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
              {FIELDS.map((f) => (
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
