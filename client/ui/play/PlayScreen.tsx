// The play screen: phase bar, map with its region list, meters, and the panels by tab. On a wide
// screen the map and the meters stay in view beside the panels; on a phone (or a phone turned
// sideways) the map, the meters and each panel are full-screen views switched by a bottom bar.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isParty } from '../../../shared/engine/match.js';
import { Briefing } from '../Briefing.js';
import { useGame } from '../context.js';
import { useCompact } from '../hooks/useCompact.js';
import { Chat } from './Chat.js';
import { Demands } from './Demands.js';
import { MapView, RegionList } from './MapView.js';
import { Meters } from './Meters.js';
import { NewsLog, Ticker } from './NewsLog.js';
import { MatchCode, PhaseBar, WarWarning } from './PhaseBar.js';
import { Planning } from './Planning.js';
import { RoundReport } from './RoundReport.js';
import { Treaty } from './Treaty.js';

type Tab = 'plan' | 'demands' | 'treaty' | 'chat' | 'news';
/** What a phone shows: the map, the meters, or the chosen panel (wide screens show all three). */
type View = 'map' | 'meters' | 'panel';

export default function PlayScreen() {
  const { t } = useTranslation();
  const view = useGame((s) => s.view);
  const scenario = useGame((s) => s.scenario);
  const briefingOpen = useGame((s) => s.briefingOpen);
  const unread = useGame((s) => Object.values(s.unread).reduce((a, b) => a + b, 0));
  const party = !!view && isParty(view.seat);
  const [tab, setTab] = useState<Tab>(party ? 'plan' : 'treaty');
  const [shown, setShown] = useState<View>('map');
  const panel = useRef<HTMLDivElement>(null);
  // What is on screen: on a wide screen the panel is always beside the map and the meters.
  const compact = useCompact();
  const current: View = compact ? shown : 'panel';
  if (!view || !scenario) return <p role="status">{t('common.loading')}</p>;
  const incoming = party ? view.demands.filter((d) => d.to === view.seat && d.status === 'open').length : 0;
  const tabs: Tab[] = party ? ['plan', 'demands', 'treaty', 'chat', 'news'] : ['treaty', 'demands', 'chat', 'news'];
  const count = (x: Tab) => (x === 'demands' ? incoming : x === 'chat' && tab !== 'chat' ? unread : 0);
  const toPanel = () => {
    setShown('panel');
    // After React shows it: the skip link lands in the panel.
    requestAnimationFrame(() => panel.current?.focus());
  };
  return (
    <div className="play" data-view={current}>
      <a className="skip-link" href="#panel" onClick={(e) => (e.preventDefault(), toPanel())}>
        {t('play.skip')}
      </a>
      <PhaseBar />
      <WarWarning />
      <Ticker />
      <main className="play-main">
        <h1 className="visually-hidden">{t('play.title', { seat: t(`seats.${view.seat}`), round: view.round, rounds: view.rounds })}</h1>
        <div className="map-col">
          <MapView />
          <RegionList />
        </div>
        <div className="meters-col">
          <p className="meters-seat">
            <span className={`seat-chip seat-${view.seat}`}>{t(`seats.${view.seat}`)}</span> <MatchCode />
            <span>
              {t('meters.escalation')}: {view.escalation} · {t(`escalation.${view.escalation}`)}
            </span>
            <span>
              {t('meters.stability')}: {Math.round(view.stability)}
            </span>
          </p>
          <Meters />
        </div>
        <nav className="tabs" aria-label={t('tabs.label')}>
          {(['map', 'meters'] as const).map((x) => (
            <button key={x} type="button" className={`view-only${current === x ? ' active' : ''}`} aria-current={current === x ? 'true' : undefined} onClick={() => setShown(x)} data-show={x}>
              {t(`tabs.${x}`)}
            </button>
          ))}
          {tabs.map((x) => {
            const active = tab === x && current === 'panel';
            return (
              <button
                key={x}
                type="button"
                className={active ? 'active' : ''}
                aria-current={active ? 'true' : undefined}
                onClick={() => {
                  setTab(x);
                  setShown('panel');
                }}
                data-tab={x}
              >
                {t(`tabs.${x}`)}
                {count(x) > 0 && (
                  <span className="unread">
                    {count(x)}
                    <span className="visually-hidden"> {t('tabs.new')}</span>
                  </span>
                )}
              </button>
            );
          })}
        </nav>
        <div className="tab-panel" id="panel" ref={panel} tabIndex={0} aria-label={t('tabs.panel', { name: t(`tabs.${tab}`) })} role="region">
          {tab === 'plan' && <Planning />}
          {tab === 'demands' && <Demands />}
          {tab === 'treaty' && <Treaty />}
          {tab === 'chat' && <Chat />}
          {tab === 'news' && <NewsLog />}
        </div>
      </main>
      <RoundReport />
      {briefingOpen && (
        <div className="overlay" role="dialog" aria-modal="true" aria-label={t('phase.briefing')}>
          <Briefing asDialog />
        </div>
      )}
    </div>
  );
}
