// React owns the page: one screen at a time, chosen from what the server has said.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { screenOf } from '../store/game.js';
import { useGame } from './context.js';
import { Home } from './Home.js';
import { Lobby } from './Lobby.js';
import { Briefing } from './Briefing.js';
import { Toasts } from './Toasts.js';
import { Notices } from './Notices.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

// The play screen carries the map (Phaser) and the debrief its charts: both load when a match starts.
const PlayScreen = lazy(() => import('./play/PlayScreen.js'));
const Debrief = lazy(() => import('./debrief/Debrief.js'));

export function App() {
  const { t } = useTranslation();
  const screen = useGame(screenOf);
  return (
    <div className={`app app-${screen}`}>
      <ConnectionBanner />
      {/* The play screen has the menu in its phase bar. */}
      {screen !== 'play' && (
        // A landmark of its own, so that all the page's content sits in one (axe: region).
        <header className="app-top">
          <LanguageSwitcher />
        </header>
      )}
      <Suspense fallback={<p className="loading" role="status">{t('common.loading')}</p>}>
        {screen === 'home' && <Home />}
        {screen === 'lobby' && <Lobby />}
        {screen === 'briefing' && <Briefing />}
        {screen === 'play' && <PlayScreen />}
        {screen === 'debrief' && <Debrief />}
      </Suspense>
      <Toasts />
      <Notices />
    </div>
  );
}
