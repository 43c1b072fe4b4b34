// The facilitator console: one class session at a time, its pages under /facilitate/<session>/….
// The router: it picks the page from the path and provides the session's context to it.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { facilitatorApi, type ApiError, type Overview, type SessionInfo } from '../net/facilitator.js';
import { ConsoleContext, type ConsoleCtx, type Outcome } from './consoleContext.js';
import { POLL_MS, usePoll } from './hooks/usePoll.js';
import { useRoute } from './hooks/useRoute.js';
import { JoinSheet } from './pages/JoinSheet.js';
import { OverviewPage } from './pages/OverviewPage.js';
import { RoomPage } from './pages/RoomPage.js';
import { Start } from './pages/Start.js';
import { OpenWithPassphrase } from './parts/OpenWithPassphrase.js';
import { OutcomeBox } from './parts/OutcomeBox.js';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.js';
import { roomName } from './roomName.js';
import { follow, type Page } from './route.js';
import { keepClass, savedClasses, tokenFor } from './savedClasses.js';

// The class debrief carries the charts (uPlot): it loads when opened.
const ClassDebriefPage = lazy(() => import('./pages/ClassDebrief.js'));

export function Console() {
  const route = useRoute();
  if (route.page === 'start') return <Start />;
  return <SessionConsole key={route.session} route={route} />;
}

function SessionConsole({ route }: { route: Exclude<Page, { page: 'start' }> }) {
  const { t } = useTranslation();
  const [token, setToken] = useState(() => tokenFor(route.session));
  if (!token)
    return (
      <main className="fac-start">
        <LanguageSwitcher className="fac-lang" />
        <h1>{t('fac.title')}</h1>
        <p>{t('fac.start.noToken')}</p>
        <OpenWithPassphrase session={route.session} onOpened={() => setToken(tokenFor(route.session))} />
        <p>
          <a href="/facilitate">{t('fac.nav.start')}</a>
        </p>
      </main>
    );
  return <Session route={route} token={token} />;
}

function Session({ route, token }: { route: Exclude<Page, { page: 'start' }>; token: string }) {
  const { t } = useTranslation();
  const session = route.session;
  const api = useMemo(() => facilitatorApi(session, token), [session, token]);
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const refreshInfo = useCallback(async () => {
    try {
      const got = await api.info();
      setInfo(got);
      setFailure(null);
      // Opened with a passphrase, the list of sessions knew only the id: keep the name too.
      if (savedClasses().some((c) => c.id === got.sessionId && c.name !== got.name)) keepClass({ id: got.sessionId, name: got.name, token, createdAt: got.createdAt });
    } catch (e) {
      setFailure((e as ApiError).status === 401 || (e as ApiError).status === 403 ? t('fac.start.badToken') : (e as Error).message);
    }
  }, [api, t, token]);
  const refreshOverview = useCallback(async () => {
    try {
      setOverview(await api.overview());
    } catch {
      /* the next poll tries again; the bar shows the age of the figures */
    }
  }, [api]);

  usePoll(refreshInfo, 15_000, [refreshInfo]);
  // The sheet and the debrief don't need live figures; the overview and a room do.
  const live = route.page === 'overview' || route.page === 'room';
  usePoll(() => (live ? refreshOverview() : undefined), POLL_MS, [refreshOverview, live]);

  const report = useCallback((o: Omit<Outcome, 'id'>) => setOutcome({ ...o, id: Date.now() }), []);
  const closeOutcome = useCallback(() => setOutcome(null), []);
  const roomLabel = useCallback(
    (id: string) => roomName(info?.rooms.find((r) => r.matchId === id)?.label ?? overview?.rooms.find((r) => r.matchId === id)?.label ?? id, t),
    [info, overview, t],
  );
  const ctx: ConsoleCtx = { session, api, info, overview, refreshInfo, refreshOverview, report, roomLabel };

  const nav: { page: 'overview' | 'sheet' | 'debrief'; label: string }[] = [
    { page: 'overview', label: t('fac.nav.overview') },
    { page: 'sheet', label: t('fac.nav.sheet') },
    { page: 'debrief', label: t('fac.nav.debrief') },
  ];
  const current = route.page === 'room' ? 'overview' : route.page;
  // A new page: its heading takes the focus, so keyboard and screen-reader users start there.
  const where = route.page === 'room' ? `room/${route.room}` : route.page;
  useEffect(() => {
    const h = document.querySelector<HTMLElement>('main h1');
    if (!h) return;
    h.tabIndex = -1;
    h.focus({ preventScroll: true });
  }, [where]);

  return (
    <ConsoleContext.Provider value={ctx}>
      <div className={`fac fac-page-${route.page}`}>
        <header className="fac-bar">
          <a className="fac-brand" href="/facilitate" onClick={(e) => follow(e, { page: 'start' })}>
            {t('fac.brand')}
          </a>
          <span className="fac-session-name" data-testid="session-name">
            {info?.name ?? session}
            {info && info.rooms.length > 0 && info.rooms.every((r) => r.ended) && <span className="badge">{t('fac.ended')}</span>}
          </span>
          <nav aria-label={t('fac.nav.label')}>
            <ul>
              {nav.map((n) => (
                <li key={n.page}>
                  <a
                    href={`/facilitate/${encodeURIComponent(session)}${n.page === 'overview' ? '' : `/${n.page}`}`}
                    aria-current={current === n.page ? 'page' : undefined}
                    onClick={(e) => follow(e, { page: n.page, session })}
                  >
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitcher />
        </header>
        {failure && (
          <p className="form-error fac-failure" role="alert">
            {failure}
          </p>
        )}
        {outcome && <OutcomeBox outcome={outcome} onClose={closeOutcome} />}
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          {route.page === 'overview' && <OverviewPage />}
          {route.page === 'sheet' && <JoinSheet />}
          {route.page === 'debrief' && <ClassDebriefPage />}
          {route.page === 'room' && <RoomPage matchId={route.room} />}
        </Suspense>
      </div>
    </ConsoleContext.Provider>
  );
}
