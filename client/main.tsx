// Boot: /facilitate loads the facilitator console (its own chunk); every other path is the player app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from './i18n.js';
import { chooseLanguage, detectLanguage } from './language.js';
import { createConnection, persistProgress } from './net/connection.js';
import { createGameStore } from './store/game.js';
import { App } from './ui/App.js';
import { GameProvider } from './ui/GameProvider.js';
import './fonts.css';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const i18n = createI18n();
// The reader's language is loaded before the first screen, so it never flashes in English.
const ready = chooseLanguage(i18n, detectLanguage(), false).catch(() => undefined);

if (/^\/facilitate(\/|$)/.test(location.pathname)) {
  void Promise.all([import('./facilitate/boot.js'), ready]).then(([m]) => m.boot(root, i18n));
} else {
  const store = createGameStore();
  const net = createConnection(store);
  persistProgress(store);
  void net.resume();
  void ready.then(() =>
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <GameProvider store={store} intents={net}>
            <App />
          </GameProvider>
        </I18nextProvider>
      </StrictMode>,
    ),
  );
}
