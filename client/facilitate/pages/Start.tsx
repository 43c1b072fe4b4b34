// The console's first page: create a class session, or open one this device (or a passphrase) knows.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, loadScenario } from '../../net/http.js';
import type { ScenarioSummary } from '../../net/intents.js';
import { ApiError, sessionApi, type Controller, type PlayingSeat } from '../../net/facilitator.js';
import { MAX_ROOMS } from '../../../shared/protocol/classApi.js';
import { seatsOf } from '../../seats.js';
import { formatDate } from '../../ui/format.js';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher.js';
import { ErrorList } from '../parts/ErrorList.js';
import { OpenWithPassphrase } from '../parts/OpenWithPassphrase.js';
import { follow, navigate } from '../route.js';
import { forgetClass, keepClass, savedClasses } from '../savedClasses.js';

const PHASES = ['news', 'planning', 'demands', 'negotiation', 'response', 'resolution', 'report'] as const;
type Unit = 'minutes' | 'days';
const UNIT_SECONDS: Record<Unit, number> = { minutes: 60, days: 86_400 };

const round2 = (x: number) => Math.round(x * 100) / 100;

export function Start() {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [uploaded, setUploaded] = useState<ScenarioSummary[]>([]);
  const [scenario, setScenario] = useState('');
  const [name, setName] = useState('');
  const [rooms, setRooms] = useState(2);
  const [roomsCapped, setRoomsCapped] = useState(false);
  const [seats, setSeats] = useState<Record<PlayingSeat, Controller>>({ armenia: 'human', azerbaijan: 'human', russia: 'human', eu: 'human' });
  const [unit, setUnit] = useState<Unit>('minutes');
  const [timers, setTimers] = useState<Record<string, number>>({});
  const [pauses, setPauses] = useState(3);
  const [extendMinutes, setExtendMinutes] = useState(10);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; issues: string[] } | null>(null);
  const [uploadError, setUploadError] = useState<{ message: string; issues: string[] } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [known, setKnown] = useState(savedClasses);

  const all = [...scenarios, ...uploaded];
  const chosen = all.find((s) => s.id === scenario);

  useEffect(() => {
    let live = true;
    api.scenarios().then(
      (list) => {
        if (!live) return;
        setScenarios(list);
        setScenario((s) => s || list[0]?.id || '');
      },
      () => live && setError({ message: t('home.noScenarios'), issues: [] }),
    );
    return () => {
      live = false;
    };
  }, [t]);

  // A new scenario (or unit) resets the phase lengths to the scenario's own.
  useEffect(() => {
    if (!chosen) return;
    const next: Record<string, number> = {};
    for (const p of PHASES) next[p] = round2((chosen.timers[p] ?? 60) / UNIT_SECONDS[unit]);
    setTimers(next);
  }, [chosen, unit]);

  const seatsHere = seatsOf(chosen);

  async function upload(file: File) {
    setUploadError(null);
    setUploading(true);
    try {
      const made = await sessionApi.uploadScenario(await file.text());
      const full = await loadScenario(made.id);
      const entry: ScenarioSummary = { id: made.id, title: made.title, rounds: made.rounds, mediators: made.mediators, directChannel: full.directChannel, timers: full.timers };
      setUploaded((u) => [...u.filter((x) => x.id !== entry.id), entry]);
      setScenario(entry.id);
    } catch (e) {
      setUploadError({ message: (e as Error).message, issues: e instanceof ApiError ? e.issues : [] });
    } finally {
      setUploading(false);
    }
  }

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const seatChoice: Partial<Record<PlayingSeat, Controller>> = {};
      for (const s of seatsHere) seatChoice[s] = seats[s];
      const secs: Record<string, number> = {};
      for (const p of PHASES) if (timers[p] > 0) secs[p] = Math.max(5, Math.round(timers[p] * UNIT_SECONDS[unit]));
      const made = await sessionApi.create({
        name: name.trim() || t('fac.create.defaultName', { date: formatDate(Date.now(), i18n.language) }),
        scenario,
        rooms,
        seats: seatChoice,
        timers: secs,
        limits: { maxPauses: pauses, maxExtensionSeconds: Math.round(extendMinutes * 60) },
        ...(passphrase ? { passphrase } : {}),
      });
      keepClass({ id: made.sessionId, name: name.trim() || scenario, token: made.facilitatorToken, createdAt: Date.now() });
      navigate({ page: 'sheet', session: made.sessionId });
    } catch (err) {
      setError({ message: (err as Error).message, issues: err instanceof ApiError ? err.issues : [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="fac-start" aria-labelledby={`${ids}-h`}>
      <header className="fac-start-head">
        <LanguageSwitcher className="fac-lang" />
        <h1 id={`${ids}-h`}>{t('fac.title')}</h1>
        <p className="tagline">{t('fac.intro')}</p>
        <p>
          <a href="/">{t('fac.toPlayers')}</a>
        </p>
      </header>
      <div className="fac-start-grid">
        <form className="card fac-create" onSubmit={onCreate} aria-labelledby={`${ids}-create`}>
          <h2 id={`${ids}-create`}>{t('fac.create.title')}</h2>
          <ErrorList error={error} />
          <label htmlFor={`${ids}-name`}>{t('fac.create.name')}</label>
          <input id={`${ids}-name`} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} placeholder={t('fac.create.namePlaceholder')} />

          <fieldset>
            <legend>{t('fac.create.scenario')}</legend>
            <label htmlFor={`${ids}-scenario`}>{t('fac.create.shipped')}</label>
            <select id={`${ids}-scenario`} value={scenario} onChange={(e) => setScenario(e.target.value)}>
              {all.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title[i18n.language] ?? s.title.en}
                  {s.rounds ? ` · ${t('home.rounds', { count: s.rounds })}` : ''}
                </option>
              ))}
            </select>
            {chosen && chosen.rounds > 0 && (
              <p className="hint">{t('home.scenarioFacts', { count: chosen.rounds, mediators: chosen.mediators.map((m) => t(`seats.${m}`)).join(', ') })}</p>
            )}
            <label htmlFor={`${ids}-upload`}>{t('fac.create.upload')}</label>
            <input
              id={`${ids}-upload`}
              type="file"
              accept=".json,application/json"
              aria-describedby={`${ids}-upload-hint`}
              disabled={uploading}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void upload(f);
              }}
            />
            <p className="hint" id={`${ids}-upload-hint`}>
              {uploading ? t('common.working') : t('fac.create.uploadHint')}
            </p>
            <ErrorList error={uploadError} testid="upload-errors" title={t('fac.create.uploadRefused')} />
          </fieldset>

          <div className="fac-row">
            <div>
              <label htmlFor={`${ids}-rooms`}>{t('fac.create.rooms')}</label>
              <input
                id={`${ids}-rooms`}
                type="number"
                min={1}
                max={MAX_ROOMS}
                value={rooms}
                aria-describedby={`${ids}-rooms-hint`}
                onChange={(e) => {
                  const asked = Number(e.target.value) || 1;
                  setRoomsCapped(asked > MAX_ROOMS);
                  setRooms(Math.max(1, Math.min(MAX_ROOMS, asked)));
                }}
              />
              <p className="hint" id={`${ids}-rooms-hint`}>
                {t('fac.create.roomsLimit', { max: MAX_ROOMS })} {t('fac.create.roomsHint')}
              </p>
              {roomsCapped && (
                <p className="form-error" role="status" data-testid="rooms-capped">
                  {t('fac.create.roomsCapped', { max: MAX_ROOMS })}
                </p>
              )}
            </div>
            <fieldset className="fac-seats">
              <legend>{t('fac.create.seats')}</legend>
              {seatsHere.map((s) => (
                <div key={s} className="fac-seat-choice" role="radiogroup" aria-label={t(`seats.${s}`)}>
                  <span className={`seat-chip seat-${s}`}>{t(`seats.${s}`)}</span>
                  {(['human', 'bot'] as const).map((c) => (
                    <label key={c} className="radio">
                      <input type="radio" name={`${ids}-seat-${s}`} value={c} checked={seats[s] === c} onChange={() => setSeats({ ...seats, [s]: c })} data-testid={`seat-${s}-${c}`} />
                      {t(`fac.controller.${c}`)}
                    </label>
                  ))}
                </div>
              ))}
            </fieldset>
          </div>

          <fieldset>
            <legend>{t('fac.create.timers')}</legend>
            <div className="fac-units" role="radiogroup" aria-label={t('fac.create.unit')}>
              {(['minutes', 'days'] as const).map((u) => (
                <label key={u} className="radio">
                  <input type="radio" name={`${ids}-unit`} checked={unit === u} onChange={() => setUnit(u)} />
                  {t(`fac.create.unit_${u}`)}
                </label>
              ))}
            </div>
            <div className="fac-timers">
              {PHASES.map((p) => (
                <label key={p}>
                  <span>{t(`phase.${p}`, { defaultValue: p })}</span>
                  <input type="number" min={0} step={unit === 'minutes' ? 0.25 : 0.5} value={timers[p] ?? ''} onChange={(e) => setTimers({ ...timers, [p]: Number(e.target.value) })} data-phase={p} />
                </label>
              ))}
            </div>
            <p className="hint">{t('fac.create.timersHint')}</p>
          </fieldset>

          <fieldset>
            <legend>{t('fac.create.limits')}</legend>
            <div className="fac-row">
              <label>
                {t('fac.create.pauses')}
                <input type="number" min={0} max={50} value={pauses} onChange={(e) => setPauses(Math.max(0, Number(e.target.value) || 0))} />
              </label>
              <label>
                {t('fac.create.extend')}
                <input type="number" min={0} max={100_000} value={extendMinutes} onChange={(e) => setExtendMinutes(Math.max(0, Number(e.target.value) || 0))} />
              </label>
            </div>
          </fieldset>

          <label htmlFor={`${ids}-pass`}>{t('fac.create.passphrase')}</label>
          <input id={`${ids}-pass`} type="password" value={passphrase} minLength={8} maxLength={200} autoComplete="new-password" onChange={(e) => setPassphrase(e.target.value)} aria-describedby={`${ids}-pass-hint`} />
          <p className="hint" id={`${ids}-pass-hint`}>
            {t('fac.create.passphraseHint')}
          </p>
          <button type="submit" className="primary big" disabled={!scenario || busy} aria-busy={busy}>
            {busy ? t('common.working') : t('fac.create.submit', { count: rooms })}
          </button>
        </form>

        <div className="fac-side">
          <section className="card" aria-labelledby={`${ids}-mine`}>
            <h2 id={`${ids}-mine`}>{t('fac.start.mine')}</h2>
            {known.length === 0 ? (
              <p className="hint">{t('fac.start.none')}</p>
            ) : (
              <ul className="fac-known">
                {known.map((c) => (
                  <li key={c.id}>
                    <a href={`/facilitate/${encodeURIComponent(c.id)}`} onClick={(e) => follow(e, { page: 'overview', session: c.id })}>
                      {c.name}
                    </a>{' '}
                    <span className="hint">{formatDate(c.createdAt, i18n.language, true)}</span>{' '}
                    <button type="button" className="link" onClick={() => (forgetClass(c.id), setKnown(savedClasses()))} aria-label={t('fac.start.forget', { name: c.name })}>
                      {t('fac.start.forgetShort')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <OpenWithPassphrase onOpened={() => setKnown(savedClasses())} />
        </div>
      </div>
    </main>
  );
}
