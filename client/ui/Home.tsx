// Home: create a match, join one by code, or play now against bots.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlayingSeat } from '../../shared/scenario/schema.js';
import { joinLinkParams } from '../joinLink.js';
import { seatsOf } from '../seats.js';
import type { Seat } from '../../shared/engine/types.js';
import type { Difficulty, ScenarioSummary } from '../net/intents.js';
import { useIntents } from './context.js';
import { OpenMatches } from './OpenMatches.js';
import { errorText } from './errors.js';
import { preloadPlay, preloadRulesWhenIdle } from './preload.js';
import { ResumeMatches } from './ResumeMatches.js';

const TIMER_SCALES = [0.25, 0.5, 1, 2] as const;
const NAME_KEY = 'parity.name';

function savedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function Home() {
  const { t, i18n } = useTranslation();
  const intents = useIntents();
  const ids = useId();
  const [name, setName] = useState(savedName);
  const [link] = useState(() => joinLinkParams(typeof location === 'undefined' ? '' : location.search));
  const [code, setCode] = useState(link.code);
  const linkSeat = link.seat && code === link.code ? link.seat : null;
  useEffect(preloadRulesWhenIdle, []);
  // The seat's key stays in memory, not in the address bar (nor in a screenshot of it).
  useEffect(() => {
    if (link.key) history.replaceState(null, '', `/?code=${encodeURIComponent(link.code)}&seat=${link.seat}`);
  }, [link]);
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [scenario, setScenario] = useState('');
  const [mySeat, setMySeat] = useState<Seat>('facilitator');
  const [quickSeat, setQuickSeat] = useState<PlayingSeat>('armenia');
  const [difficulty, setDifficulty] = useState<Difficulty>('relaxed');
  const [listed, setListed] = useState(false);
  const [humans, setHumans] = useState<Record<PlayingSeat, boolean>>({ armenia: true, azerbaijan: true, russia: false, eu: true });
  const [timerScale, setTimerScale] = useState(1);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    intents
      .listScenarios()
      .then((list) => {
        if (!live) return;
        setScenarios(list);
        setScenario((s) => s || list[0]?.id || '');
      })
      .catch(() => live && setError(t('home.noScenarios')));
    return () => {
      live = false;
    };
  }, [intents, t]);

  const chosen = scenarios.find((s) => s.id === scenario);
  const seatsHere = seatsOf(chosen);
  const displayName = name.trim() || t('home.anonymous');

  async function run(what: string, f: () => Promise<void>) {
    preloadPlay();
    setBusy(what);
    setError(null);
    try {
      localStorage.setItem(NAME_KEY, name.trim());
    } catch {
      /* private mode */
    }
    try {
      await f();
    } catch (e) {
      setError(errorText(e, t, i18n.language));
    } finally {
      setBusy(null);
    }
  }

  const onJoin = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    void run('join', async () => {
      await intents.join(code.trim().toUpperCase(), displayName);
      // The link named a seat: take it at once (the lobby offers the others if that fails).
      if (linkSeat) await intents.takeSeat(linkSeat, link.key);
      if (link.code) history.replaceState(null, '', '/');
    });
  };
  const onCreate = (e: FormEvent) => {
    e.preventDefault();
    const seats: Partial<Record<PlayingSeat, 'human' | 'bot'>> = {};
    for (const s of seatsHere) seats[s] = humans[s] || s === mySeat ? 'human' : 'bot';
    void run('create', () => intents.create({ scenario, name: displayName, seat: mySeat, seats, timerScale }));
  };
  const onPlayNow = (e: FormEvent) => {
    e.preventDefault();
    void run('play', () => intents.playNow(quickSeat, displayName, scenario || 'august-2022', difficulty, listed));
  };

  return (
    <main className="home">
      <header className="home-head">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <p className="home-teacher">
          <a href="/facilitate">{t('home.teacherLink')}</a>
        </p>
      </header>
      <div className="home-name">
        <label htmlFor={`${ids}-name`}>{t('home.yourName')}</label>
        <input
          id={`${ids}-name`}
          value={name}
          maxLength={32}
          autoComplete="nickname"
          onChange={(e) => setName(e.target.value)}
          placeholder={t('home.namePlaceholder')}
          autoFocus={!!link.code}
        />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ResumeMatches onResume={(id) => void run('resume', () => intents.resumeMatch(id))} disabled={busy !== null} />
      <div className="home-cards">
        <form className="card" onSubmit={onJoin} aria-labelledby={`${ids}-join`}>
          <h2 id={`${ids}-join`}>{t('home.join')}</h2>
          <label htmlFor={`${ids}-code`}>{t('home.code')}</label>
          <input
            id={`${ids}-code`}
            className="code-input"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase().replace(/[^A-Z0-9]/g, ''))}
            maxLength={8}
            autoCapitalize="characters"
            spellCheck={false}
            inputMode="text"
            placeholder="ABCD"
          />
          {linkSeat && (
            <p className="link-seat" data-testid="link-seat">
              {t('home.linkSeat')} <span className={`seat-chip seat-${linkSeat}`}>{t(`seats.${linkSeat}`)}</span>
            </p>
          )}
          <button type="submit" className="primary" disabled={!code.trim() || busy !== null} aria-busy={busy === 'join'}>
            {busy === 'join' ? t('common.working') : linkSeat ? t('home.joinAs', { seat: t(`seats.${linkSeat}`) }) : t('home.joinButton')}
          </button>
          <OpenMatches onJoin={(c) => void run('join', () => intents.join(c, displayName))} disabled={busy !== null} />
        </form>

        <form className="card" onSubmit={onPlayNow} aria-labelledby={`${ids}-quick`}>
          <h2 id={`${ids}-quick`}>{t('home.playNow')}</h2>
          <p className="hint">{t('home.playNowHint')}</p>
          <fieldset>
            <legend>{t('home.yourSeat')}</legend>
            {seatsHere.map((s) => (
              <label key={s} className="radio">
                <input type="radio" name="quick-seat" value={s} checked={quickSeat === s} onChange={() => setQuickSeat(s)} />
                <span className={`seat-chip seat-${s}`}>{t(`seats.${s}`)}</span>
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${ids}-difficulty`}>{t('home.difficulty')}</label>
          <select id={`${ids}-difficulty`} value={difficulty} onChange={(e) => setDifficulty(e.target.value as Difficulty)}>
            {(['relaxed', 'challenging', 'hard'] as const).map((d) => (
              <option key={d} value={d}>
                {t(`home.difficulties.${d}`)}
              </option>
            ))}
          </select>
          <p className="hint">{t(`home.difficultyHints.${difficulty}`)}</p>
          <label className="check">
            <input type="checkbox" checked={listed} onChange={(e) => setListed(e.target.checked)} /> {t('home.listPublicly')}
          </label>
          <button type="submit" className="primary" disabled={busy !== null} aria-busy={busy === 'play'}>
            {busy === 'play' ? t('common.working') : t('home.playNowButton')}
          </button>
        </form>

        <form className="card card-wide" onSubmit={onCreate} aria-labelledby={`${ids}-create`}>
          <h2 id={`${ids}-create`}>{t('home.create')}</h2>
          <label htmlFor={`${ids}-scenario`}>{t('home.scenario')}</label>
          <select id={`${ids}-scenario`} value={scenario} onChange={(e) => setScenario(e.target.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[i18n.language] ?? s.title.en} · {t('home.rounds', { count: s.rounds })}
              </option>
            ))}
          </select>
          {chosen && <p className="hint">{t('home.scenarioFacts', { count: chosen.rounds, mediators: chosen.mediators.map((m) => t(`seats.${m}`)).join(', ') })}</p>}
          <label htmlFor={`${ids}-me`}>{t('home.youAre')}</label>
          <select id={`${ids}-me`} value={mySeat} onChange={(e) => setMySeat(e.target.value as Seat)}>
            <option value="facilitator">{t('seats.facilitator')}</option>
            {seatsHere.map((s) => (
              <option key={s} value={s}>
                {t(`seats.${s}`)}
              </option>
            ))}
          </select>
          <fieldset className="seat-grid">
            <legend>{t('home.whoPlays')}</legend>
            {seatsHere.map((s) => (
              <label key={s} className="check">
                <input type="checkbox" checked={humans[s] || s === mySeat} disabled={s === mySeat} onChange={(e) => setHumans({ ...humans, [s]: e.target.checked })} />
                <span className={`seat-chip seat-${s}`}>{t(`seats.${s}`)}</span>
                <span className="hint">{humans[s] || s === mySeat ? t('home.human') : t('home.bot')}</span>
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${ids}-timers`}>{t('home.timers')}</label>
          <select id={`${ids}-timers`} value={timerScale} onChange={(e) => setTimerScale(Number(e.target.value))}>
            {TIMER_SCALES.map((x) => (
              <option key={x} value={x}>
                {t(`home.timerScale.${String(x).replace('.', '_')}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="primary" disabled={!scenario || busy !== null} aria-busy={busy === 'create'}>
            {busy === 'create' ? t('common.working') : t('home.createButton')}
          </button>
        </form>
      </div>
    </main>
  );
}
