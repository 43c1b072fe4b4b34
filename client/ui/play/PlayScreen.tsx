// The play screen: phase bar, map with its region list, meters, and the panels by tab.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isParty } from '../../../shared/engine/match.js';
import { Briefing } from '../Briefing.js';
import { useGame } from '../context.js';
import { Chat } from './Chat.js';
import { Demands } from './Demands.js';
import { MapView, RegionList } from './MapView.js';
import { Meters } from './Meters.js';
import { NewsLog, Ticker } from './NewsLog.js';
import { PhaseBar } from './PhaseBar.js';
import { Planning } from './Planning.js';
import { RoundReport } from './RoundReport.js';
import { Treaty } from './Treaty.js';

type Tab = 'plan' | 'demands' | 'treaty' | 'chat' | 'news';

export default function PlayScreen() {
  const { t } = useTranslation();
  const view = useGame((s) => s.view);
  const scenario = useGame((s) => s.scenario);
  const briefingOpen = useGame((s) => s.briefingOpen);
  const unread = useGame((s) => Object.values(s.unread).reduce((a, b) => a + b, 0));
  const party = !!view && isParty(view.seat);
  const [tab, setTab] = useState<Tab>(party ? 'plan' : 'treaty');
  if (!view || !scenario) return <p role="status">{t('common.loading')}</p>;
  const incoming = party ? view.demands.filter((d) => d.to === view.seat && d.status === 'open').length : 0;
  const tabs: Tab[] = party ? ['plan', 'demands', 'treaty', 'chat', 'news'] : ['treaty', 'demands', 'chat', 'news'];
  return (
    <div className="play">
      <PhaseBar />
      <Ticker />
      <main className="play-main">
        <div className="map-col">
          <MapView />
          <RegionList />
        </div>
        <aside className="side">
          <Meters />
          <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
            {tabs.map((x) => (
              <button key={x} type="button" role="tab" id={`tab-${x}`} aria-selected={tab === x} aria-controls={`panel-${x}`} className={tab === x ? 'active' : ''} onClick={() => setTab(x)} data-tab={x}>
                {t(`tabs.${x}`)}
                {x === 'demands' && incoming > 0 && <span className="unread">{incoming}</span>}
                {x === 'chat' && unread > 0 && tab !== 'chat' && <span className="unread">{unread}</span>}
              </button>
            ))}
          </div>
          <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'plan' && <Planning />}
            {tab === 'demands' && <Demands />}
            {tab === 'treaty' && <Treaty />}
            {tab === 'chat' && <Chat />}
            {tab === 'news' && <NewsLog />}
          </div>
        </aside>
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
